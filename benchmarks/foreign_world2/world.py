"""The invented world: places, people, households, phones, workplaces, organisations, cases."""
import datetime as dt
from names import SURNAMES, GIVEN, DOT_NAMES_M, DOT_NAMES_F, DOT_FATHERS, COMPOUND_A, COMPOUND_B, \
    BJ_COMPOUND_B, TOWER_A, TOWER_B, SHOP_WORDS, INDUSTRY
from geo import D, BY_DIST, HOME_WEIGHTS, HUKOU_WEIGHTS, MARKETS, INDUSTRIAL, COURTS
from addr import Place
import ids

ASOF = dt.datetime(2026, 11, 27, 0, 0, 0)
START = dt.datetime(2024, 11, 27, 0, 0, 0)
MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                 "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "186", "187", "188",
                 "189", "191", "199"]
LOCKER_BRANDS = [("丰巢快递柜", 30), ("菜鸟驿站", 30), ("兔喜生活", 12), ("妈妈驿站", 8), ("京东自提柜", 8),
                 ("中通快递超市", 6), ("邻里驿站", 6)]


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def rand_time(rng, a, b):
    return a + dt.timedelta(seconds=rng.randrange(max(1, int((b - a).total_seconds()))))


class Person:
    def __init__(self, pid):
        self.pid = pid
        self.role = None          # debtor | family | neighbour | colleague | namesake | stranger | relative
        self.debtor = False
        self.absent = False
        self.hh = None            # household list (Person objects)
        self.contacts = []        # people they send/order things to (outside household)
        self.work = None
        self.phones = []          # [number, start, end or None]
        self.for_others = False
        self.violator = False
        self.activity = 1.0
        self.related = None       # pid of the debtor this person was created around
        self.recent_mover = False

    # place of residence at time t
    def home_at(self, t):
        if self.old_home is not None and t < self.move_date:
            return self.old_home
        return self.home

    def phone_at(self, t):
        best = None
        for num, a, b in self.phones:
            if a <= t and (b is None or t < b):
                if best is None:
                    best = num
        return best or (self.phones[0][0] if self.phones else None)

    def current_phones(self):
        return [p[0] for p in self.phones if p[2] is None]

    def old_phones(self):
        return [p[0] for p in self.phones if p[2] is not None]


class World:
    def __init__(self, seed, n_debtors):
        import random
        self.rng = random.Random(seed)
        self.N = n_debtors
        self.people = []
        self.places = []
        self.used_ids = set()
        self.used_phones = set()
        self.compounds = {}       # dist -> list of compound dicts
        self.workplaces = {}      # dist -> list of Place (work)
        self.lockers = {}         # area_key -> list of Place
        self.orgs = []
        self.cases = []
        self.judges = {}
        self._build()

    # ---------------------------------------------------------------- basics
    def place(self, kind, d, f):
        p = Place(len(self.places), kind, d, f)
        self.places.append(p)
        return p

    def new_phone(self):
        rng = self.rng
        while True:
            n = rng.choice(MOBILE_PREFIX) + f"{rng.randrange(10**8):08d}"
            if n not in self.used_phones:
                self.used_phones.add(n)
                return n

    def pick_dist(self, weights):
        names = list(weights)
        return BY_DIST[wchoice(self.rng, names, [weights[n] for n in names])]

    def name(self, male, dotted=False, single=None):
        rng = self.rng
        if dotted:
            g = rng.choice(DOT_NAMES_M if male else DOT_NAMES_F)
            fa = rng.choice(DOT_FATHERS)
            return dict(full=f"{g[0]}·{fa[0]}", sur=g[0][0], given=g[0], py=f"{g[1]} {fa[1]}", dotted=True)
        s = wchoice(rng, SURNAMES, [w for _, _, w in SURNAMES])
        pool = [c for c in GIVEN if c[2] in ("u", "m" if male else "f")]
        if single is None:
            single = rng.random() < 0.42
        chars = [rng.choice(pool)] if single else [rng.choice(pool), rng.choice(pool)]
        given = "".join(c[0] for c in chars)
        py = s[1] + " " + "".join(c[1] for c in chars).capitalize()
        return dict(full=s[0] + given, sur=s[0], given=given, py=py, dotted=False)

    def new_person(self, role, male=None, birth_year=None, name=None, hukou=None):
        rng = self.rng
        p = Person(len(self.people))
        self.people.append(p)
        p.role = role
        p.male = rng.random() < 0.55 if male is None else male
        y = birth_year or rng.randint(1958, 2003)
        p.birth = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
        p.hukou_d = hukou or self.pick_dist(HUKOU_WEIGHTS)
        if name is None:
            dotted = rng.random() < 0.012
            name = self.name(p.male, dotted=dotted)
            if dotted:
                p.hukou_d = BY_DIST["喀什市"]
        p.nm = name
        while True:
            idn = ids.resident_id(p.hukou_d["code"], p.birth, rng.randrange(1000), p.male)
            if idn not in self.used_ids:
                self.used_ids.add(idn)
                break
        p.id_number = idn
        p.old_home = None
        p.move_date = None
        p.home = None
        # phones
        n_cur = 2 if rng.random() < 0.12 else 1
        for _ in range(n_cur):
            p.phones.append([self.new_phone(), dt.datetime(2015, 1, 1), None])
        if rng.random() < 0.28:   # changed number in the window: old phone ended
            end = rand_time(rng, START + dt.timedelta(days=30), ASOF - dt.timedelta(days=20))
            p.phones[0][1] = end
            p.phones.append([self.new_phone(), dt.datetime(2015, 1, 1), end])
        p.activity = rng.choice([0.3, 0.6, 1.0, 1.0, 1.5, 2.5, 4.0])
        return p

    # ---------------------------------------------------------------- places
    def compound(self, d):
        """pick (or create) a residential compound in district d"""
        rng = self.rng
        lst = self.compounds.setdefault(d["dist"], [])
        if lst and (len(lst) >= 40 or rng.random() < 0.5):
            return rng.choice(lst)
        road = rng.choice(d["roads"])
        if d["style"] == "sh":
            c = dict(road=road, lane=rng.randint(10, 1500),
                     cname=(rng.choice(["天山", "仙霞", "虹桥", "中山", "古北", "金杨", "东明", "崂山"]) +
                            rng.choice(["新村", "小区", "公寓", "花苑"])) if rng.random() < 0.6 else None)
        else:
            tail = BJ_COMPOUND_B if d["style"] == "bj" else COMPOUND_B
            c = dict(road=road, no=rng.randint(1, 999), cname=rng.choice(COMPOUND_A) + rng.choice(tail))
        c["key"] = f"{d['dist']}|{road}|{c.get('lane', c.get('no'))}|{c['cname']}"
        lst.append(c)
        return c

    def home_place(self, d):
        rng = self.rng
        if d["style"] == "rural":
            town = rng.choice(sorted(d["towns"]))
            vil = rng.choice(d["towns"][town])
            g = rng.randint(1, 12) if rng.random() < 0.8 else 0
            return self.place("village", d, dict(town=town, vil=vil, g=g, no=rng.randint(1, 260),
                                                 area_key=f"{d['dist']}|{town}|{vil}"))
        c = self.compound(d)
        if d["style"] == "sh":
            f = dict(road=c["road"], lane=c["lane"], cname=c["cname"], b=rng.randint(1, 80),
                     u=0, r=rng.randint(1, 6) * 100 + rng.randint(1, 3))
        else:
            fl = rng.randint(1, 28 if d["style"] != "bj" else 18)
            f = dict(road=c["road"], no=c["no"], cname=c["cname"], b=rng.randint(1, 32),
                     u=rng.randint(1, 4 if d["style"] != "bj" else 6), r=fl * 100 + rng.randint(1, 4))
        f["area_key"] = c["key"]
        return self.place("home", d, f)

    def neighbour_home(self, home):
        """another flat in the same compound / village"""
        rng = self.rng
        f = dict(home.f)
        if home.kind == "village":
            f["no"] = rng.randint(1, 260)
        elif home.d["style"] == "sh":
            f["b"] = rng.randint(1, 80)
            f["r"] = rng.randint(1, 6) * 100 + rng.randint(1, 3)
        else:
            if rng.random() < 0.5:
                f["b"] = rng.randint(1, 32)
            f["r"] = rng.randint(1, 25) * 100 + rng.randint(1, 4)
        if Place(0, home.kind, home.d, f).canon == home.canon:
            f["no" if home.kind == "village" else "r"] += 1
        return self.place(home.kind, home.d, f)

    def locker_near(self, place):
        """parcel lockers and pick-up stations near a place (several brands)"""
        rng = self.rng
        key = place.area_key
        lst = self.lockers.get(key)
        if lst is None:
            lst = []
            d, f = place.d, place.f
            for _ in range(rng.randint(1, 3)):
                brand = wchoice(rng, [b for b, _ in LOCKER_BRANDS], [w for _, w in LOCKER_BRANDS])
                if place.kind == "home":
                    base = f.get("cname") or f"{f['road']}{f['lane']}弄"
                    text = rng.choice([f"{base}{rng.choice(['东门', '南门', '西门', '北门'])}{brand}",
                                       f"{f['road']}{f.get('no', f.get('lane'))}号{base}{brand}",
                                       f"{base}{rng.randint(1, 30)}幢楼下{brand}", f"{base}{brand}"])
                elif place.kind == "village":
                    text = f"{f['town']}{f['vil']}{brand}" if rng.random() < 0.6 else f"{f['town']}{brand}"
                else:
                    nm = f.get("tower") or f.get("mkt") or f.get("park") or f["road"]
                    text = f"{nm}{rng.choice(['一楼', '大门口', 'B1', ''])}{brand}"
                lst.append(self.place("locker", d, dict(text=text, brand=brand, area_key=key)))
            self.lockers[key] = lst
        return rng.choice(lst)

    def company_name(self, d):
        rng = self.rng
        return (d["city_s"] + rng.choice(SHOP_WORDS) + rng.choice(SHOP_WORDS) + rng.choice(INDUSTRY) +
                rng.choice(["有限公司", "有限公司", "有限责任公司", "商行", "经营部"]))

    def workplace(self, d, kind=None):
        rng = self.rng
        lst = self.workplaces.setdefault(d["dist"], [])
        if lst and rng.random() < 0.35:
            return rng.choice(lst)
        if kind is None:
            opts = ["office", "shop"]
            w = [40, 15]
            if d["dist"] in MARKETS:
                opts.append("market"); w.append(45)
            if d["dist"] in INDUSTRIAL:
                opts.append("factory"); w.append(25)
            kind = wchoice(rng, opts, w)
        road = rng.choice(d["roads"])
        comp = self.company_name(d)
        if kind == "office":
            blk = rng.choice(["", "", "A座", "B座", "1号楼"])
            f = dict(road=road, no=rng.randint(1, 600), tower=rng.choice(TOWER_A) + rng.choice(TOWER_B) + blk,
                     r=rng.randint(2, 32) * 100 + rng.randint(1, 20), company=comp)
        elif kind == "market":
            mroad, mno, mkt, zones = MARKETS[d["dist"]]
            f = dict(road=mroad, no=mno, mkt=mkt, zone=rng.choice(zones), st=rng.randint(1, 40),
                     stall=rng.randint(10000, 39999), company=comp.replace("有限公司", "商行"))
        elif kind == "factory":
            f = dict(park=INDUSTRIAL[d["dist"]], road=road, no=rng.randint(1, 300), company=comp)
        else:
            f = dict(road=road, no=rng.randint(1, 999), company=comp.replace("有限公司", "店"))
        p = self.place(kind, d, f)
        lst.append(p)
        return p

    # ---------------------------------------------------------------- build
    def _build(self):
        rng = self.rng
        n_org = round(self.N * 0.11)
        n_pers = self.N - n_org
        debtors = []
        for i in range(n_pers):
            p = self.new_person("debtor", birth_year=rng.randint(1956, 2001))
            p.debtor = True
            debtors.append(p)
            self._household(p)
        # absent debtors: no platform trace at all
        for p in debtors:
            p.absent = rng.random() < 0.11
            p.for_others = (not p.absent) and rng.random() < 0.10
        self.debtor_people = debtors
        # relatives elsewhere (parents in the hukou village, siblings in another city), friends
        for p in debtors:
            if rng.random() < 0.45:
                par = self.new_person("relative", birth_year=rng.randint(1935, 1965),
                                      name=dict(self.name(rng.random() < 0.5)) if rng.random() < 0.5 else
                                      self._same_surname(p), hukou=p.hukou_d)
                par.home = self.home_place(p.hukou_d)
                par.hh = [par]
                par.related = p.pid
                p.contacts.append(par)
            if rng.random() < 0.35:
                sib = self.new_person("relative", name=self._same_surname(p), hukou=p.hukou_d)
                sib.home = self.home_place(self.pick_dist(HOME_WEIGHTS))
                sib.hh = [sib]
                sib.related = p.pid
                self._maybe_work(sib)
                p.contacts.append(sib)
            # neighbours in the same compound
            if rng.random() < 0.55:
                for _ in range(rng.randint(1, 3)):
                    nb = self.new_person("neighbour")
                    nb.home = self.neighbour_home(p.home)
                    nb.hh = [nb]
                    nb.related = p.pid
                    self._maybe_work(nb)
                    if rng.random() < 0.3:
                        p.contacts.append(nb)
            # colleagues at the same workplace
            if p.work is not None and rng.random() < 0.6:
                for _ in range(rng.randint(1, 4)):
                    c = self.new_person("colleague")
                    c.home = self.home_place(p.work.d if p.work.d["style"] != "rural" else p.home.d)
                    c.hh = [c]
                    c.work = p.work
                    c.related = p.pid
                    if rng.random() < 0.3:
                        p.contacts.append(c)
            # namesakes: same full name, different person (frequent with one-character given names)
            k = 0
            if rng.random() < 0.30:
                k = rng.randint(1, 2)
            if len(p.nm["given"]) == 1 and rng.random() < 0.25:
                k += 1
            for _ in range(k):
                ns = self.new_person("namesake", male=p.male, name=dict(p.nm))
                same_city = rng.random() < 0.35
                d = p.home.d if same_city else self.pick_dist(HOME_WEIGHTS)
                ns.home = self.home_place(d)
                ns.hh = [ns]
                ns.related = p.pid
                self._maybe_work(ns)
        # strangers (unrelated households)
        target = int(len(debtors) * 4.2)
        while len(self.people) < target:
            s = self.new_person("stranger")
            s.home = self.home_place(self.pick_dist(HOME_WEIGHTS))
            s.hh = [s]
            self._maybe_work(s)
            if rng.random() < 0.4:
                sp = self.new_person("stranger", male=not s.male)
                sp.home = s.home
                sp.hh = s.hh
                s.hh.append(sp)
        # old phones given to strangers after a gap (numbers are recycled)
        for p in list(self.people):
            for ph in p.phones:
                if ph[2] is not None and rng.random() < 0.4:
                    start = ph[2] + dt.timedelta(days=rng.randint(60, 200))
                    if start < ASOF - dt.timedelta(days=15):
                        s = self.new_person("stranger")
                        s.home = self.home_place(self.pick_dist(HOME_WEIGHTS))
                        s.hh = [s]
                        self._maybe_work(s)
                        s.phones = [[ph[0], start, None]]
                        s.related = p.pid
                        s.recycled_from = p.pid
        for p in self.people:
            p.hh_others = [q for q in p.hh if q is not p]
        self._orgs()
        self._cases()

    def _same_surname(self, p):
        n = self.name(rng_male := self.rng.random() < 0.5)
        if p.nm["dotted"]:
            return n
        n = dict(n)
        n["full"] = p.nm["sur"] + n["given"]
        n["sur"] = p.nm["sur"]
        return n

    def _maybe_work(self, p, prob=0.62):
        rng = self.rng
        age = 2026 - p.birth.year
        if 20 <= age <= 62 and rng.random() < prob:
            hd = p.home.d
            if hd["style"] == "rural" or rng.random() < 0.12:
                # works in a city: markets in another city are typical for traders
                cands = [BY_DIST[x] for x in MARKETS] if rng.random() < 0.5 else \
                        [d for d in D if d["style"] != "rural" and d["dist"] != "喀什市"]
                d = rng.choice(cands)
            else:
                same_city = [d for d in D if d["city"] == hd["city"] and d["style"] != "rural"]
                d = rng.choice(same_city) if same_city else hd
            p.work = self.workplace(d)

    def _household(self, p):
        """a debtor's household: home, maybe a former home, spouse, children, parents living in"""
        rng = self.rng
        hd = self.pick_dist(HOME_WEIGHTS)
        p.home = self.home_place(hd)
        mover = rng.random() < 0.32
        if mover:
            if rng.random() < 0.55:
                od = hd if hd["style"] == "rural" else rng.choice(
                    [d for d in D if d["city"] == hd["city"]])
            else:
                od = self.pick_dist(HOME_WEIGHTS)
            p.old_home = self.home_place(od)
            if rng.random() < 0.25:
                p.move_date = rand_time(rng, dt.datetime(2026, 9, 25), dt.datetime(2026, 11, 12))
                p.recent_mover = True
            else:
                p.move_date = rand_time(rng, START + dt.timedelta(days=60), dt.datetime(2026, 9, 1))
        hh = [p]
        age = 2026 - p.birth.year
        if age > 24 and rng.random() < 0.65:
            sp = self.new_person("family", male=not p.male,
                                 birth_year=min(2003, max(1950, p.birth.year + rng.randint(-5, 5))))
            hh.append(sp)
        if age > 42 and rng.random() < 0.3:
            ch = self.new_person("family", birth_year=rng.randint(p.birth.year + 22, min(2006, p.birth.year + 32)),
                                 name=self._same_surname(p) if not p.nm["dotted"] else None, hukou=p.hukou_d)
            hh.append(ch)
        if rng.random() < 0.08:
            par = self.new_person("family", birth_year=rng.randint(1935, 1960), name=self._same_surname(p),
                                  hukou=p.hukou_d)
            hh.append(par)
        for q in hh:
            q.home, q.old_home, q.move_date, q.recent_mover = p.home, p.old_home, p.move_date, p.recent_mover
            q.hh = hh
            q.related = p.pid
        for q in hh:
            self._maybe_work(q, prob=0.7 if q is p else 0.55)
        # some households share one platform account
        p.shared_account = len(hh) > 1 and rng.random() < 0.3

    def _orgs(self):
        rng = self.rng
        n_org = round(self.N * 0.11)
        for i in range(n_org):
            d = self.pick_dist(HOME_WEIGHTS)
            if d["style"] == "rural":
                d = BY_DIST["黄岩区"]
            name = self.company_name(d)
            while True:
                cc = ids.credit_code(d["code"], rng)
                if cc not in self.used_ids:
                    self.used_ids.add(cc)
                    break
            place = self.workplace(d, kind=rng.choice(["office", "factory", "shop"] if d["dist"] in INDUSTRIAL else ["office", "shop"]))
            o = dict(name=name, id_number=cc, d=d, place=place, phone=self.new_phone(),
                     landline=f"{d['area']}-{rng.randint(2000000, 89999999)}",
                     ships=rng.random() < 0.45)
            self.orgs.append(o)

    def _cases(self):
        rng = self.rng
        for c in COURTS:
            self.judges[c[0]] = [self.name(rng.random() < 0.5)["full"] for _ in range(rng.randint(2, 4))]
        seqs = {}
        ents = [("person", p) for p in self.debtor_people] + [("organisation", o) for o in self.orgs]
        rng.shuffle(ents)
        for kind, e in ents:
            k = wchoice(rng, [1, 2, 3, 4], [68, 22, 8, 2])
            # the court is where the debt arose: hukou region, old home, or anywhere
            if kind == "person":
                region = rng.choice([e.hukou_d, e.old_home.d if e.old_home else e.home.d, e.home.d])
            else:
                region = e["d"]
            for j in range(k):
                if j == 0:
                    near = [c for c in COURTS if BY_DIST[c[2]]["prov"] == region["prov"]]
                    court = rng.choice(near) if near and rng.random() < 0.8 else rng.choice(COURTS)
                else:
                    court = rng.choice(COURTS)
                filed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(2026, 11, 20) - dt.date(2019, 1, 1)).days))
                key = (court[1], filed.year)
                seqs[key] = seqs.get(key, rng.randint(100, 900)) + rng.randint(1, 30)
                kindc = rng.choice(["执", "执", "执", "执恢"])
                case_no = f"({filed.year}){court[1]}{kindc}{seqs[key]}号"
                status = wchoice(rng, ["执行中", "终本", "执行完毕"], [50, 33, 17])
                self.cases.append(dict(case_no=case_no, court=court[0], judge=rng.choice(self.judges[court[0]]),
                                       kind=kind, ent=e, filed=filed, status=status,
                                       restrict=rng.random() < 0.72, blacklist=rng.random() < 0.45,
                                       amount=round(rng.lognormvariate(10.5, 1.3), 2)))
        # who violates a consumption restriction
        for p in self.debtor_people:
            mine = [c for c in self.cases if c["ent"] is p]
            p.cases = mine
            restricted = any(c["restrict"] and c["status"] != "执行完毕" for c in mine)
            p.violator = restricted and not p.absent and rng.random() < 0.15
        for o in self.orgs:
            o["cases"] = [c for c in self.cases if c["ent"] is o]
