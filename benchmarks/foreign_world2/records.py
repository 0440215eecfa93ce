"""Platform records: e-commerce orders, social accounts, courier waybills (clean ones).

Each record carries its truth: who it concerns (account holder, intended recipient, phone
owner, sender), where it went (a Place), and whether it reached a door.
"""
import datetime as dt
from world import ASOF, START, rand_time, wchoice
from names import NICK_EN, NICK_WORDS, SOCIAL_NICK_A, SOCIAL_NICK_B, STORE_NAMES

ECOM = {
    # platform: (share of people with an account, name mask policy, id policy, bound-phone mask, rcpt-phone mask)
    "quanmai": (0.68, {"full": 70, "m1": 20, "m2": 10}, {"full": 35, "m6": 45, "m2": 5, "empty": 15}, 0.1, 0.15),
    "youpin": (0.48, {"full": 10, "m1": 55, "m2": 35}, {"full": 0, "m6": 20, "m2": 45, "empty": 35}, 0.7, 0.55),
    "kuaigou": (0.33, {"full": 50, "m1": 25, "m2": 25}, {"full": 25, "m6": 25, "m2": 25, "empty": 25}, 0.4, 0.3),
}
NORMAL_CATS = [("家居日用", 20, 25, 300), ("食品生鲜", 18, 15, 260), ("服饰鞋包", 14, 50, 800),
               ("数码家电", 8, 99, 6000), ("母婴用品", 6, 30, 600), ("美妆个护", 9, 30, 900),
               ("图书文具", 5, 10, 200), ("运动户外", 5, 40, 1500), ("汽车用品", 3, 20, 800),
               ("宠物用品", 4, 20, 400), ("教育培训", 2, 99, 3000), ("医药保健", 4, 15, 500),
               ("酒水饮料", 3, 30, 1200), ("火车票", 2, 20, 600)]
RESTRICTED = [("机票", 30, 400, 6000), ("星级酒店", 25, 500, 4000), ("奢侈品箱包", 15, 3000, 60000),
              ("高铁商务座", 12, 600, 3000), ("私立学校学费", 6, 8000, 90000), ("高尔夫", 5, 800, 8000),
              ("度假旅游", 7, 2000, 30000)]
RESTRICTED_NAMES = [c[0] for c in RESTRICTED]
HOUR_W = [3, 2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 10, 11, 9, 8, 8, 8, 9, 10, 13, 15, 16, 14, 8]
VIRTUAL = {"机票", "星级酒店", "高铁商务座", "私立学校学费", "高尔夫", "度假旅游", "火车票", "教育培训"}


def mask_name(nm, style):
    full = nm["full"]
    if style == "full":
        return full
    if nm["dotted"]:
        return full[0] + "**"
    sur = nm["sur"]
    if style == "m1":
        return sur + "*" * (len(nm["given"]) - 1) + nm["given"][-1] if len(nm["given"]) > 1 else sur + "*"
    if style == "mou":
        return sur + "某" + (nm["given"][-1] if len(nm["given"]) > 1 else "")
    return sur + "**"


def mask_id(idn, style):
    if style == "full":
        return idn
    if style == "m6":
        return idn[:6] + "********" + idn[-4:]
    if style == "m2":
        return idn[:2] + "**************" + idn[-2:]
    return ""


def mask_phone(num):
    return num[:3] + "****" + num[-4:]


def fmt_phone(num, rng, mask_p):
    if rng.random() < mask_p:
        return mask_phone(num)
    return wchoice(rng, [num, "+86 " + num, "+86" + num, f"{num[:3]} {num[3:7]} {num[7:]}",
                         f"{num[:3]}-{num[3:7]}-{num[7:]}", "86-" + num],
                   [70, 8, 5, 7, 7, 3])


def nickname(p, rng):
    nm = p.nm
    last = nm["given"][-1] if not nm["dotted"] else nm["given"][:2]
    sur = nm["sur"]
    return rng.choice([f"小{last}", f"阿{last}", f"{last}{last}", f"老{sur}", f"{sur}总",
                       f"{sur}{'哥' if p.male else '姐'}", f"大{last}", rng.choice(NICK_EN), rng.choice(NICK_WORDS)])


def pinyin(p, rng):
    py = p.nm["py"]
    a, b = py.split(" ", 1)
    return rng.choice([py, (a + b).lower(), py.upper(), f"{b} {a}", a + b])


def typed_name(r, u, rng):
    """the recipient name as typed by the buyer u for recipient r"""
    nm = r.nm
    title = "先生" if r.male else "女士"
    if r is u:
        k = wchoice(rng, ["full", "title", "sur2", "nick", "py"], [46, 15, 9, 17, 13])
    else:
        k = wchoice(rng, ["full", "title", "sur2", "nick"], [60, 16, 9, 15])
    if k == "full":
        if nm["dotted"] and rng.random() < 0.3:
            return nm["given"]
        return nm["full"]
    if k == "title":
        return (nm["given"] if nm["dotted"] else nm["sur"]) + title
    if k == "sur2":
        return (nm["full"][0] if nm["dotted"] else nm["sur"]) + "**"
    if k == "nick":
        return nickname(r, rng)
    return pinyin(r, rng)


def on_weekday_day(t, rng):
    while t.weekday() >= 5:
        t += dt.timedelta(days=1)
    return t.replace(hour=rng.randint(9, 17), minute=rng.randrange(60), second=rng.randrange(60))


def evening(t, rng):
    if t.weekday() >= 5:
        return t.replace(hour=rng.randint(9, 20), minute=rng.randrange(60), second=rng.randrange(60))
    return t.replace(hour=rng.randint(18, 21), minute=rng.randrange(60), second=rng.randrange(60))


class Gen:
    def __init__(self, w):
        self.w = w
        self.rng = w.rng
        self.recs = []     # all clean records
        self.cap_count = {}
        self.cap = {}
        for p in w.people:
            if p.recent_mover:
                self.cap[p.hh[0].pid] = self.rng.choice([1, 1, 2])

    # -------------------------------------------------------------- destination
    def destination(self, r, t, work_ok=True):
        """where a parcel for r placed at time t goes: (place, kind, t) kind in door/locker/work/worklocker"""
        rng = self.rng
        hkey = r.hh[0].pid
        opts, wts = ["door", "locker"], [48, 30]
        if r.home.kind == "village":
            wts = [62, 38]
        if r.work is not None and work_ok:
            opts += ["work", "worklocker"]
            wts += [20, 3]
        k = wchoice(rng, opts, wts)
        if k in ("door", "locker") and r.recent_mover and t >= r.move_date:
            c = self.cap_count.get(hkey, 0)
            if c >= self.cap[hkey]:
                t = rand_time(rng, START, r.move_date - dt.timedelta(days=3))
            else:
                self.cap_count[hkey] = c + 1
        if k == "door":
            return r.home_at(t), "door", t
        if k == "locker":
            return self.w.locker_near(r.home_at(t)), "locker", t
        if k == "work":
            return r.work, "work", t
        return self.w.locker_near(r.work), "worklocker", t

    def sign_time(self, t, kind, p_deliv=0.94):
        rng = self.rng
        if rng.random() > p_deliv:
            return None
        s = t + dt.timedelta(hours=rng.uniform(14, 110))
        if kind == "door":
            s = evening(s, rng)
        elif kind == "work":
            s = on_weekday_day(s, rng)
        else:
            s = s.replace(hour=rng.randint(8, 21), minute=rng.randrange(60))
        s = s.replace(second=rng.randrange(60), microsecond=0)
        return s if s < ASOF - dt.timedelta(minutes=5) else None

    # -------------------------------------------------------------- e-commerce
    def ecommerce(self):
        w, rng = self.w, self.rng
        seq = {k: 0 for k in ECOM}
        for pf, (share, npol, ipol, bmask, rmask) in ECOM.items():
            for p in w.people:
                if p.absent:
                    continue
                if getattr(p, "shared_account", False) and pf == "quanmai":
                    holder = p.hh[1] if rng.random() < 0.7 else p  # often the spouse holds it
                    users = p.hh
                elif p.hh and p.hh[0].debtor and getattr(p.hh[0], "shared_account", False) and pf == "quanmai":
                    continue  # covered by the household account
                else:
                    holder, users = p, [p]
                if holder.absent:
                    holder = p
                bonus = 1.5 if getattr(holder, "recycled_from", None) is not None else 1.0
                if rng.random() > share * bonus and not (len(users) > 1):
                    continue
                seq[pf] += 1
                acct = dict(pf=pf, holder=holder, buyer_id=self.buyer_id(pf, seq[pf]),
                            name=mask_name(holder.nm, wchoice(rng, list(npol), list(npol.values()))),
                            idn=mask_id(holder.id_number, wchoice(rng, list(ipol), list(ipol.values()))))
                # bound phone: current, or a stale old one never updated
                olds = holder.old_phones()
                bp = olds[0] if olds and rng.random() < 0.3 else holder.current_phones()[0]
                acct["bound"] = mask_phone(bp) if rng.random() < bmask else bp
                acct["bound_owner"] = holder
                start = START if rng.random() < 0.75 else rand_time(rng, START, ASOF - dt.timedelta(days=40))
                if holder.phones and holder.phones[0][1] > start and getattr(holder, "recycled_from", None) is not None:
                    start = holder.phones[0][1]
                n = min(90, int(rng.expovariate(1 / (5.0 * holder.activity * (1.5 if len(users) > 1 else 1)))))
                for _ in range(n):
                    u = rng.choice([q for q in users if not q.absent] or [holder])
                    t = rand_time(rng, start, ASOF - dt.timedelta(days=1))
                    t = t.replace(hour=wchoice(rng, list(range(24)), HOUR_W))
                    self.order(acct, u, t, rmask)

    def buyer_id(self, pf, i):
        rng = self.rng
        if pf == "quanmai":
            return f"qm{rng.randrange(10**9):09d}"
        if pf == "youpin":
            return f"u_{i * 7919 % 1000003:07d}"
        return f"KG{rng.randrange(10**7):07d}"

    def order(self, acct, u, t, rmask):
        rng = self.rng
        others = u.contacts + u.hh_others
        if others and rng.random() < (0.72 if u.for_others else 0.10):
            r = rng.choice(others)
        else:
            r = u
        if r.absent:
            r = u
        place, kind, t = self.destination(r, t)
        holder = acct["holder"]
        viol = u.violator or holder.violator
        if rng.random() < (0.2 if viol else 0.012):
            cat = wchoice(rng, RESTRICTED, [c[1] for c in RESTRICTED])
        else:
            cat = wchoice(rng, NORMAL_CATS, [c[1] for c in NORMAL_CATS])
        if cat[0] in RESTRICTED_NAMES:
            for q in (holder, r):
                for c in getattr(q, "cases", []):
                    if abs((t.date() - c["filed"]).days) < 1:
                        cat = NORMAL_CATS[0]
        amount = round(rng.uniform(cat[2], cat[3]), 2)
        sign = self.sign_time(t, kind, 0.75 if cat[0] in VIRTUAL else 0.94)
        ph = r.phone_at(t)
        if kind in ("work",) and rng.random() < 0.12 and r.work is not None:
            rphone = f"{r.work.d['area']}-{rng.randint(2000000, 89999999)}"
            owner = None
        else:
            rphone = fmt_phone(ph, rng, rmask)
            owner = r
        addr_text = place.written(rng)
        pf = acct["pf"]
        oid = self.order_id(pf, t)
        row = [oid, acct["buyer_id"], acct["name"], acct["idn"], acct["bound"], typed_name(r, u, rng), rphone,
               addr_text, t.strftime("%Y/%m/%d %H:%M:%S"), sign.strftime("%Y/%m/%d %H:%M:%S") if sign else "",
               f"{amount:.2f}", cat[0]]
        concerned = [holder.pid] + ([r.pid] if r is not holder else [])
        self.recs.append(dict(src="ecommerce", platform=pf, rid=oid, row=row, t=t, last=sign or t,
                              concerned=concerned, holder=holder.pid, recipient=r.pid, user=u.pid,
                              phone_owner=owner.pid if owner else None, place=place, dest=kind,
                              delivered=sign is not None, category=cat[0]))

    def order_id(self, pf, t):
        rng = self.rng
        if pf == "quanmai":
            return f"2{t:%y%m%d}{rng.randrange(10**11):011d}"
        if pf == "youpin":
            return f"YP{t:%Y%m%d}{rng.randrange(10**7):07d}"
        return f"{rng.randrange(10**15, 10**16)}"

    # -------------------------------------------------------------- social
    def social(self):
        w, rng = self.w, self.rng
        i = 0
        for p in w.people:
            if p.absent or rng.random() > (0.5 if p.debtor else 0.42):
                continue
            i += 1
            uid = f"wl_{100000 + i * 37 + rng.randrange(37)}"
            rec = {"uid": uid}
            if rng.random() < 0.9:
                rec["nickname"] = rng.choice(SOCIAL_NICK_A) + (p.nm["given"][-1] if rng.random() < 0.4 else
                                                             rng.choice(SOCIAL_NICK_B))
            rn = wchoice(rng, ["full", "mou", "m1", "m2", "none", "null"], [35, 20, 15, 8, 14, 8])
            if rn == "null":
                rec["real_name"] = None
            elif rn != "none":
                rec["real_name"] = mask_name(p.nm, rn)
            idp = wchoice(rng, ["full", "m6", "m2", "none", "null"], [18, 35, 12, 25, 10])
            if idp == "null":
                rec["id_no"] = None
            elif idp != "none":
                rec["id_no"] = mask_id(p.id_number, idp)
            olds = p.old_phones()
            php = wchoice(rng, ["cur", "old", "mask", "none"], [60, 15 if olds else 0, 15, 10])
            if php == "cur":
                rec["phone"] = p.current_phones()[0]
            elif php == "old":
                rec["phone"] = olds[0]
            elif php == "mask":
                rec["phone"] = mask_phone(p.current_phones()[0])
            d = p.home.d if rng.random() < 0.7 else p.hukou_d
            if rng.random() < 0.85:
                rec["profile_region"] = f"{d['prov_s']} {d['city_s']}" if d["prov"] != d["city"] else d["prov_s"]
            logins = []
            for _ in range(rng.randint(0, 8)):
                t = rand_time(rng, ASOF - dt.timedelta(days=75), ASOF - dt.timedelta(minutes=10))
                ld = p.work.d if (p.work is not None and t.weekday() < 5 and 9 <= t.hour < 18) else p.home_at(t).d
                if rng.random() < 0.06:
                    ld = rng.choice(w.debtor_people).home.d   # travel / VPN
                city = ld["city"]
                region = (ld["prov"] + city) if ld["prov"] != city else city
                if rng.random() < 0.1:
                    region = ld["prov"]
                logins.append({"ts": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                               "ip": f"{rng.choice([115, 112, 183, 223, 36, 60, 120])}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                               "ip_region": region})
            logins.sort(key=lambda x: x["ts"])
            rec["logins"] = logins
            posts = []
            places = []
            for _ in range(wchoice(rng, [0, 1, 2, 3, 5], [30, 25, 20, 15, 10])):
                t = rand_time(rng, START, ASOF - dt.timedelta(hours=3))
                x = rng.random()
                if x < 0.55:
                    pl = p.home_at(t)
                    t = evening(t, rng)
                elif x < 0.8 and p.work is not None:
                    pl = p.work
                    t = on_weekday_day(t, rng)
                else:
                    pl = rng.choice(w.places[:2000])
                if t >= ASOF:
                    continue
                poi, addr = pl.poi()
                posts.append({"ts": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"), "poi": poi, "address": addr})
                places.append(pl.pid)
            posts.sort(key=lambda x: x["ts"])
            rec["geo_posts"] = posts
            concerned = [p.pid]
            self.recs.append(dict(src="social", platform="weiliao", rid=uid, row=rec, t=ASOF, last=ASOF,
                                  concerned=concerned, holder=p.pid, recipient=None, user=p.pid,
                                  phone_owner=p.pid, place=None, dest="social", delivered=False,
                                  post_places=places, category=None))

    # -------------------------------------------------------------- waybills
    def waybills(self):
        w, rng = self.w, self.rng
        for p in w.people:
            if p.absent:
                continue
            n = min(40, int(rng.expovariate(1 / (2.5 * p.activity))))
            for _ in range(n):
                t = rand_time(rng, START, ASOF - dt.timedelta(hours=6))
                self.waybill(None, p, t)
            if rng.random() < 0.22:
                others = [q for q in p.contacts if not q.absent]
                if others:
                    for _ in range(rng.randint(1, 4)):
                        t = rand_time(rng, START, ASOF - dt.timedelta(hours=6))
                        self.waybill(p, rng.choice(others), t)
        for o in w.orgs:
            if o["ships"]:
                for _ in range(rng.randint(2, 12)):
                    t = rand_time(rng, START, ASOF - dt.timedelta(hours=6))
                    self.waybill(o, rng.choice(w.people), t)

    def waybill(self, sender, r, t):
        rng = self.rng
        if r.absent:
            return
        carrier = "fengsu" if rng.random() < 0.58 else "tuxi"
        nmask, pmask = (0.6, 0.7) if carrier == "fengsu" else (0.0, 0.85)
        place, kind, t = self.destination(r, t)
        pickup = t.replace(hour=rng.randint(8, 19), minute=rng.randrange(60), second=rng.randrange(60))
        sign = self.sign_time(pickup, kind, 0.95)
        concerned = [r.pid]
        if sender is None:
            sname = rng.choice(STORE_NAMES)
            sphone = rng.choice(["400-" + f"{rng.randrange(1000000, 9999999)}",
                                 f"0{rng.choice(['769', '755', '571', '579', '20'])}-{rng.randrange(20000000, 89999999)}",
                                 mask_phone(self.w.new_phone())])
            saddr = rng.choice(["广东省东莞市虎门镇电商产业园3号仓", "浙江省金华市义乌市北苑街道电商仓库", "江苏省苏州市吴中区物流园B仓",
                                "四川省成都市双流区综合保税区5号库", "浙江省杭州市余杭区仓前街道菜鸟仓", "上海市嘉定区江桥镇华江路仓库"])
            sender_pid = None
        elif isinstance(sender, dict):   # organisation
            sname = sender["name"]
            sphone = sender["phone"] if rng.random() < 0.6 else sender["landline"]
            saddr = sender["place"].written(rng)
            sender_pid = "O" + sender["id_number"]
            concerned.append(sender_pid)
        else:
            sname = typed_name(sender, sender, rng) if rng.random() < 0.5 else sender.nm["full"]
            if rng.random() < nmask:
                sname = mask_name(sender.nm, "m2")
            sph = sender.phone_at(pickup)
            sphone = mask_phone(sph) if rng.random() < pmask else sph
            spl = sender.work if (sender.work is not None and rng.random() < 0.3) else sender.home_at(pickup)
            saddr = spl.written(rng)
            sender_pid = sender.pid
            concerned.append(sender.pid)
        if kind == "door":
            st = wchoice(rng, ["本人签收", "家人代签", "门卫代收", "快递柜"],
                         [55, 25 if len(r.hh) > 1 else 0, 12 if place.kind == "home" else 0, 8])
        elif kind == "work":
            st = wchoice(rng, ["本人签收", "门卫代收"], [65, 35])
        else:
            st = "快递柜" if ("柜" in place.f["brand"]) else "驿站代收"
        rname = typed_name(r, r, rng) if rng.random() < 0.75 else r.nm["full"]
        if rng.random() < nmask:
            rname = mask_name(r.nm, "m2" if rng.random() < 0.6 else "m1")
        rph = r.phone_at(pickup)
        rphone = mask_phone(rph) if rng.random() < pmask else rph
        wb = ("SF" if carrier == "fengsu" else "TX") + f"{rng.randrange(10**12, 10**13)}"
        row = dict(waybill_no=wb, sender_name=sname, sender_phone=sphone, sender_address=saddr,
                   receiver_name=rname, receiver_phone=rphone, receiver_address=place.written(rng),
                   pickup_time=pickup, sign_time=sign, sign_type=st if sign else None)
        door = kind == "door" and st in ("本人签收", "家人代签") and sign is not None
        self.recs.append(dict(src="logistics", platform=carrier, rid=wb, row=row, t=pickup, last=sign or pickup,
                              concerned=concerned, holder=None, recipient=r.pid, user=sender_pid,
                              phone_owner=r.pid, place=place, dest=kind if (kind != "door" or door) else "door_nodoor",
                              delivered=sign is not None, category=None, sign_type=st if sign else None))
