"""Platform traces of the world's people: e-commerce orders, social accounts, waybills.

Each generated record is a dict of *field values as the platform exports them* plus
truth keys starting with ``_`` (who it is really about, which place, delivered or not).
"""
from __future__ import annotations

from datetime import datetime, timedelta

import bisect
import itertools

import numpy as np

from . import names as nm
from .places import Place, checkin_address, poi, render
from .world import _CAT_P, _LUX_IDX, CATEGORIES, CATEGORY_SPELLINGS, SHOPS, WAREHOUSES, Person, World

# hour-of-day weights for placing orders (evenings and lunch breaks)
_ORDER_HOURS = np.array([2, 1, .5, .3, .2, .3, .8, 2, 3, 4, 4, 4, 6, 5, 4, 4, 4, 4, 5, 7, 9, 10, 9, 5], float)
_ORDER_HOURS /= _ORDER_HOURS.sum()
_HOUR_CUM = np.cumsum(_ORDER_HOURS).tolist()
_CAT_CUM = np.cumsum(_CAT_P).tolist()


def wpick(r: np.random.Generator, cum: list[float]) -> int:
    """Index drawn from cumulative weights (much faster than Generator.choice for one draw)."""
    x = r.random() * cum[-1]
    return min(bisect.bisect_right(cum, x), len(cum) - 1)


def mask_phone(p: str) -> str:
    d = "".join(c for c in p if c.isdigit())
    if len(d) == 11:
        return d[:3] + "****" + d[7:]
    return p


def mask_id(idn: str, r: np.random.Generator) -> str:
    if r.random() < 0.75:
        return idn[:6] + "*" * 8 + idn[14:]
    return idn[:2] + "*" * 14 + idn[16:]


def mask_typed_name(s: str) -> str:
    """How couriers mask whatever name was typed: keep first and last character."""
    if not s or not ("\u4e00" <= s[0] <= "\u9fff"):
        return s
    if len(s) == 2:
        return s[0] + "*"
    return s[0] + "*" * (len(s) - 2) + s[-1]


def phone_variant(p: str, r: np.random.Generator, habit: int) -> str:
    k = habit if r.random() < 0.7 else int(r.integers(0, 8))
    if k <= 3:
        return p
    if k == 4:
        return mask_phone(p)
    if k == 5:
        return f"+86 {p[:3]} {p[3:7]} {p[7:]}"
    if k == 6:
        return f"{p[:3]}-{p[3:7]}-{p[7:]}"
    return "+86" + p if r.random() < 0.5 else mask_phone(p)


def name_variant(p: Person, r: np.random.Generator) -> str:
    k = p.name_habit if r.random() < 0.7 else int(r.integers(0, 12))
    if k <= 2:
        return p.name
    if k == 3:
        return nm.honorific(p.surname, p.gender)
    if k == 4:
        return nm.mask_name(p.surname, p.given, r, "star_all")
    if k == 5:
        return nm.nickname(p.surname, p.given, p.gender, r)
    if k == 6:
        return nm.pinyin_variant(p.surname, p.given, r)
    if k == 7:
        t = nm.traditional(p.name)
        return t if t != p.name or r.random() < 0.5 else nm.mask_name(p.surname, p.given, r, "star_mid")
    if k in (8, 9):
        return p.name
    if k == 10:
        return nm.mask_name(p.surname, p.given, r, "star_mid")
    return p.name + ("(本人)" if r.random() < 0.3 else "")


class Traces:
    def __init__(self, w: World):
        self.w = w
        self.orders: dict[str, list[dict]] = {"shopA": [], "shopB": []}
        self.social: list[dict] = []
        self.waybills: dict[str, list[dict]] = {"sf": [], "zto": []}
        self._addr_book: dict[tuple, list[str]] = {}
        self._other: dict[str, list[Place]] = {}
        self._order_seq = {"shopA": 0, "shopB": 0}
        self._way_seq = {"sf": 0, "zto": 0}
        self._ip: dict[str, str] = {}
        self.lux = {p.key: (p.debtor and self.w.r_orders.random() < 0.15) for p in w.people}

    # ------------------------------------------------------------------ helpers
    def rand_day_time(self, r: np.random.Generator, lo: datetime | None = None, hi: datetime | None = None) -> datetime:
        lo = lo or self.w.start
        hi = hi or self.w.end - timedelta(days=1)
        days = max(1, (hi - lo).days)
        d = lo.date() + timedelta(days=int(r.integers(0, days)))
        h = wpick(r, _HOUR_CUM)
        return datetime(d.year, d.month, d.day, h, int(r.integers(0, 60)), int(r.integers(0, 60)))

    def other_places(self, p: Person) -> list[Place]:
        if p.key not in self._other:
            g = self.w.geo
            hk = p.hukou_county
            rel_region = hk[1] if hk[0] == "浙江省" else hk[0]
            if rel_region not in g.communities:
                rel_region = p.region
            self._other[p.key] = [g.home(rel_region), g.hotel(g.sample_region(self.w.r_geo.random() > 0.2))]
        return self._other[p.key]

    def choose_place(self, s: Person, t: datetime, r: np.random.Generator, allow_work: bool = True) -> tuple[Place, str]:
        hp, hk, pks = s.home_at(t)
        opts: list[tuple[Place, str, float]] = [(hp, hk, 1.0)]
        if s.work is not None and allow_work:
            opts.append((s.work, "work", 0.55))
        if pks:
            for pk in pks:
                opts.append((pk, "pickup", s.locker_habit * 1.6 / len(pks)))
        opts.append((None, "other", 0.05))  # type: ignore[arg-type]
        cum = list(itertools.accumulate(o[2] for o in opts))
        i = wpick(r, cum)
        place, kind, _ = opts[i]
        if kind == "home" and s.old_home is not None and hk == "home" and r.random() < 0.04:
            # address book never updated: a parcel still goes to the old flat after the move
            place, kind = s.old_home, "old_home"
        if kind == "other":
            ops = self.other_places(s)
            place = ops[int(r.integers(0, len(ops)))]
        return place, kind

    def address_for(self, owner: Person, place: Place, r: np.random.Generator, formal: float = 0.5) -> str:
        key = (owner.key, place.canonical)
        book = self._addr_book.get(key)
        if book is None:
            book = [render(place, r, formal)]
            if r.random() < 0.35:
                book.append(render(place, r, formal))
            self._addr_book[key] = book
        if r.random() < 0.8:
            return book[int(r.integers(0, len(book)))]
        return render(place, r, formal)

    def sign_time(self, t: datetime, kind: str, r: np.random.Generator) -> datetime:
        s = t + timedelta(days=int(r.integers(1, 5)))
        if kind == "work":
            while s.weekday() >= 5:
                s += timedelta(days=1)
            return s.replace(hour=int(r.integers(9, 18)), minute=int(r.integers(0, 60)), second=int(r.integers(0, 60)))
        return s.replace(hour=int(r.integers(8, 22)), minute=int(r.integers(0, 60)), second=int(r.integers(0, 60)))

    # ------------------------------------------------------------------ e-commerce
    def _account(self, owner: Person, platform: str, r: np.random.Generator) -> dict:
        full_p, mid_p = (0.55, 0.30) if platform == "shopA" else (0.25, 0.45)
        x = r.random()
        acct_name = owner.name if x < full_p else nm.mask_name(owner.surname, owner.given, r, "star_mid" if x < full_p + mid_p else "star_all")
        x = r.random()
        id_full, id_mask = (0.40, 0.45) if platform == "shopA" else (0.10, 0.60)
        acct_id = owner.id_number if x < id_full else mask_id(owner.id_number, r) if x < id_full + id_mask else ""
        ph = owner.stale[0] if owner.stale and r.random() < 0.1 else owner.phones[0]
        acct_phone = ph if r.random() < 0.55 else mask_phone(ph)
        if platform == "shopA":
            bid = f"2208{int(r.integers(0, 10**9)):09d}"
        else:
            bid = "jd_" + "".join("0123456789abcdef"[int(i)] for i in r.integers(0, 16, 10))
        return {"buyer_id": bid, "acct_name": acct_name, "acct_id": acct_id, "acct_phone": acct_phone, "_owner": owner}

    def _order(self, platform: str, acct: dict, subject: Person, role: str, r: np.random.Generator,
               recv_name: str | None = None, kind_place: tuple | None = None) -> dict:
        w = self.w
        t = self.rand_day_time(r)
        place, pkind = kind_place or self.choose_place(subject, t, r)
        if self.lux[subject.key] and r.random() < 0.12:
            ci = _LUX_IDX[int(r.integers(0, len(_LUX_IDX)))]
        else:
            ci = wpick(r, _CAT_CUM)
        cat, _, lo, hi, physical = CATEGORIES[ci]
        spelled, restricted = cat, False
        if cat in CATEGORY_SPELLINGS:
            # The plain label half the time, else one of its variants or look-alikes.
            options = CATEGORY_SPELLINGS[cat]
            rs = w.r_spell
            spelled, restricted = options[0] if rs.random() < 0.5 else options[int(rs.integers(0, len(options)))]
        amount = round(float(np.exp(r.uniform(np.log(lo), np.log(hi)))), 2)
        if not physical:
            place, pkind = subject.home_at(t)[:2]
        sign = self.sign_time(t, pkind, r) if physical else None
        delivered = sign is not None and sign < w.end and r.random() > 0.04
        if not delivered:
            sign = None
        if recv_name is None:
            recv_name = name_variant(subject, r)
        if pkind == "work" and r.random() < 0.08:
            phone = w.landline(place, r)
        else:
            phone = phone_variant(subject.phone_at(t), r, subject.phone_habit)
        owner: Person = acct["_owner"]
        return {
            "order_id": None, "buyer_id": acct["buyer_id"], "acct_name": acct["acct_name"], "acct_id": acct["acct_id"],
            "acct_phone": acct["acct_phone"], "recv_name": recv_name, "recv_phone": phone,
            "address": self.address_for(owner, place, r, 0.55 if platform == "shopA" else 0.35),
            "order_time": t, "sign_time": sign, "amount": amount, "category": spelled, "_restricted": restricted,
            "_subject": subject, "_owner": owner, "_role": role, "_place": place, "_place_kind": pkind,
            "_delivered": delivered, "_physical": physical,
        }

    def gen_ecommerce(self) -> None:
        r = self.w.r_orders
        for platform, p_acct, base in (("shopA", 0.72, 7.0), ("shopB", 0.40, 4.0)):
            out = self.orders[platform]
            for p in self.w.people:
                if not p.online:
                    continue
                spouse_user = p.spouse is not None and p.spouse.uses_spouse_account and platform == "shopA"
                has = r.random() < p_acct or spouse_user
                if platform == "shopA" and p.uses_spouse_account:
                    has = False
                if not has:
                    continue
                acct = self._account(p, platform, r)
                n = max(1, int(r.poisson(base * p.activity)))
                for _ in range(n):
                    x = r.random()
                    if x < 0.84:
                        out.append(self._order(platform, acct, p, "recipient", r))
                    elif x < 0.92 and p.spouse is not None and p.spouse.online:
                        out.append(self._order(platform, acct, p.spouse, "recipient", r))
                    elif x < 0.96:
                        t0 = self.rand_day_time(r)
                        place, pk = (p.work, "work") if p.work is not None else p.home_at(t0)[:2]
                        nm_other = nm.made_up_name(r) if r.random() < 0.5 else "".join(nm.random_names(r, np.array([int(r.integers(0, 2))]))[0])
                        out.append(self._order(platform, acct, p, "recipient_other_name", r, recv_name=nm_other, kind_place=(place, pk)))
                    else:
                        ops = self.other_places(p)
                        place = ops[int(r.integers(0, len(ops)))]
                        rel = p.surname + nm.random_names(r, np.array([int(r.integers(0, 2))]))[0][1] if r.random() < 0.5 else None
                        out.append(self._order(platform, acct, p, "recipient", r, recv_name=rel, kind_place=(place, "other")))
                if spouse_user:
                    d = p.spouse
                    for _ in range(max(2, int(r.poisson(6 * d.activity)))):
                        if r.random() < 0.5:
                            recv = name_variant(d, r)
                        else:
                            recv = nm.honorific(d.surname, d.gender) if r.random() < 0.5 else name_variant(d, r)
                        o = self._order(platform, acct, d, "recipient_via_spouse_account", r, recv_name=recv)
                        if r.random() < 0.3:
                            o["recv_phone"] = phone_variant(p.phones[0], r, p.phone_habit)
                        out.append(o)
            out.sort(key=lambda o: o["order_time"])
            for o in out:  # ids follow time, as real order numbers do
                self._order_seq[platform] += int(r.integers(1, 9))
                if platform == "shopA":
                    o["order_id"] = f"{o['order_time']:%y%m%d}{self._order_seq[platform]:08d}{int(r.integers(100, 999))}"
                else:
                    o["order_id"] = f"{3 * 10**11 + self._order_seq[platform] * 97 + int(r.integers(0, 97))}"

    # ------------------------------------------------------------------ social
    def ip_for(self, region: str, r: np.random.Generator) -> str:
        if region not in self._ip:
            a = [115, 60, 122, 183, 39, 112, 36, 125, 218, 221][len(self._ip) % 10]
            self._ip[region] = f"{a}.{int(r.integers(1, 255))}"
        return f"{self._ip[region]}.{int(r.integers(0, 256))}.{int(r.integers(1, 255))}"

    def gen_social(self) -> None:
        r = self.w.r_social
        seq = 88000
        for p in self.w.people:
            if not p.online or r.random() >= 0.40:
                continue
            seq += int(r.integers(1, 40))
            acc: dict = {"uid": f"wb_{seq}", "nickname": nm.nickname(p.surname, p.given, p.gender, r)}
            x = r.random()
            if x < 0.3:
                acc["real_name"] = p.name
            elif x < 0.7:
                acc["real_name"] = nm.mask_name(p.surname, p.given, r)
            elif x < 0.95:
                acc["real_name"] = None
            x = r.random()
            if x < 0.2:
                acc["id_no"] = p.id_number
            elif x < 0.6:
                acc["id_no"] = mask_id(p.id_number, r)
            elif x < 0.8:
                acc["id_no"] = None
            x = r.random()
            ph = p.stale[0] if p.stale and r.random() < 0.1 else p.phones[0]
            if x < 0.5:
                acc["phone"] = ph
            elif x < 0.9:
                acc["phone"] = mask_phone(ph)
            x = r.random()
            if x < 0.85:
                src = p.home if x < 0.6 else (p.old_home or p.home) if x < 0.7 else None
                if src is None:
                    hk = p.hukou_county
                    ps, cs, _ = self.w.geo.shorts(*hk)
                else:
                    ps, cs = src.prov_short, src.city_short
                acc["profile_region"] = ps if ps == cs else f"{ps} {cs}"
            logins = []
            for _ in range(int(r.integers(1, 10))):
                t = self.rand_day_time(r, self.w.end - timedelta(days=120))
                y = r.random()
                where = p.home if y < 0.7 or p.work is None else p.work if y < 0.9 else self.other_places(p)[1]
                region = where.province + (where.city if not where.municipality else "")
                logins.append({"ts": t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00", "ip": self.ip_for(region, r),
                               "ip_region": region if r.random() < 0.9 else where.province})
            logins.sort(key=lambda d: d["ts"], reverse=True)
            acc["logins"] = logins
            posts, truth_posts = [], []
            for _ in range(min(10, int(r.poisson(2.5 * p.activity)))):
                t = self.rand_day_time(r)
                y = r.random()
                if y < 0.4:
                    place, kind = p.home_at(t)[:2]
                elif y < 0.6 and p.work is not None:
                    place, kind = p.work, "work"
                else:
                    ops = self.other_places(p)
                    place, kind = ops[int(r.integers(0, len(ops)))], "other"
                posts.append((t, {"ts": t.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00", "poi": poi(place),
                                  "address": checkin_address(place)}, place, kind))
            posts.sort(key=lambda x: x[0], reverse=True)
            if posts or r.random() < 0.7:
                acc["geo_posts"] = [x[1] for x in posts]
            for t, _, place, kind in posts:
                truth_posts.append({"_time": t, "_place": place, "_place_kind": kind})
            # shuffle key order a little like real exporters do not
            self.social.append({"fields": acc, "_subject": p, "_posts": truth_posts})

    # ------------------------------------------------------------------ logistics
    def _waybill_no(self, carrier: str, r: np.random.Generator) -> str:
        self._way_seq[carrier] += int(r.integers(1, 50))
        if carrier == "sf":
            return f"SF{1400000000000 + self._way_seq[carrier] * 13 + int(r.integers(0, 13))}"
        return f"{73100000000000 + self._way_seq[carrier] * 7 + int(r.integers(0, 7))}"

    def sign_type(self, place: Place, kind: str, subject: Person, r: np.random.Generator) -> str:
        if kind == "pickup":
            return "快递柜" if ("丰巢" in (place.detail or "")) else "驿站代收"
        x = r.random()
        if kind in ("home", "old_home"):
            if place.kind == "village":
                return "本人签收" if x < 0.7 or subject.spouse is None else "家人代签"
            if x < 0.55:
                return "本人签收"
            if x < 0.75:
                return "家人代签" if subject.spouse is not None else "本人签收"
            if x < 0.88:
                return "门卫代收"
            return "快递柜" if x < 0.95 else "驿站代收"
        if kind == "work":
            if place.kind == "market":
                return "本人签收" if x < 0.85 else "门卫代收"
            return "本人签收" if x < 0.5 else "门卫代收"
        if place.kind == "hotel":
            return "门卫代收" if x < 0.5 else "本人签收"
        return "本人签收" if x < 0.6 else "家人代签"

    def _sender_shop(self, r: np.random.Generator) -> tuple[str, str, str]:
        shop = SHOPS[int(r.integers(0, len(SHOPS)))]
        wh = WAREHOUSES[int(r.integers(0, len(WAREHOUSES)))]
        ph = f"400-{int(r.integers(100, 999))}-{int(r.integers(1000, 9999))}" if r.random() < 0.6 else mask_phone(f"1{int(r.integers(30, 99))}{int(r.integers(0, 10**8)):08d}")
        pre = wh[0] + wh[2] if wh[0] == wh[1] else wh[0] + wh[1] + wh[2]
        return shop, ph, f"{pre}{wh[3]}物流园{int(r.integers(1, 30))}号仓"

    def _waybill(self, carrier: str, subject: Person, place: Place, pkind: str, t: datetime, r: np.random.Generator,
                 recv_name: str | None = None, recv_phone: str | None = None, address: str | None = None,
                 role: str = "receiver", sender: tuple | None = None) -> dict:
        w = self.w
        sign = self.sign_time(t, pkind, r)
        delivered = sign < w.end and r.random() > 0.04
        name = recv_name if recv_name is not None else name_variant(subject, r)
        phone = recv_phone if recv_phone is not None else phone_variant(subject.phone_at(t), r, subject.phone_habit)
        if r.random() < 0.5:
            name = mask_typed_name(name)
        if r.random() < 0.55:
            phone = mask_phone(phone)
        sname, sphone, saddr = sender or self._sender_shop(r)
        return {
            "waybill_no": None, "sender_name": sname, "sender_phone": sphone,
            "sender_address": saddr, "receiver_name": name, "receiver_phone": phone,
            "receiver_address": address if address is not None else self.address_for(subject, place, r, 0.6),
            "pickup_time": t, "sign_time": sign if delivered else None,
            "sign_type": self.sign_type(place, pkind, subject, r) if delivered else None,
            "_subject": subject, "_owner": None, "_role": role, "_place": place, "_place_kind": pkind,
            "_delivered": delivered,
        }

    def gen_logistics(self) -> None:
        r = self.w.r_ways
        carriers = ["sf", "zto"]
        # 1. e-commerce parcels also show up in a courier's export
        for platform in ("shopA", "shopB"):
            for o in self.orders[platform]:
                if not o["_delivered"] or r.random() >= 0.30:
                    continue
                c = carriers[int(r.random() < 0.6)]
                t = o["order_time"] + timedelta(hours=int(r.integers(3, 30)))
                addr = o["address"] if r.random() < 0.7 else None
                wb = self._waybill(c, o["_subject"], o["_place"], o["_place_kind"], t, r,
                                   recv_name=o["recv_name"], recv_phone=o["recv_phone"], address=addr)
                if o["_role"] == "recipient_other_name":
                    wb["_role"] = "receiver_other_name"
                self.waybills[c].append(wb)
        # 2. parcels from elsewhere (relatives, second-hand sales, returns)
        for p in self.w.people:
            if not p.online:
                continue
            for _ in range(int(r.poisson(1.6 * p.activity))):
                c = carriers[int(r.random() < 0.55)]
                t = self.rand_day_time(r)
                place, pk = self.choose_place(p, t, r)
                sender = None
                if r.random() < 0.4:
                    sn = "".join(nm.random_names(r, np.array([int(r.integers(0, 2))]))[0])
                    sender = (mask_typed_name(sn) if r.random() < 0.5 else sn,
                              mask_phone(self.w.new_phone("浙江" if r.random() < 0.5 else "安徽", "ext")),
                              render(self.w.geo.home(self.w.geo.sample_region(True)), r, 0.7))
                self.waybills[c].append(self._waybill(c, p, place, pk, t, r, sender=sender))
            # 3. traders ship goods from their stall / factory
            if p.work is not None and p.work.kind in ("market", "factory") and r.random() < 0.45:
                saddr = render(p.work, r, 0.8)
                for _ in range(int(r.poisson(7 * p.activity))):
                    c = carriers[int(r.random() < 0.7)]
                    t = self.rand_day_time(r)
                    while t.weekday() >= 6:
                        t += timedelta(days=1)
                    t = t.replace(hour=int(r.integers(9, 19)))
                    if t >= self.w.end:
                        continue
                    sname = p.work.org if r.random() < 0.3 else name_variant(p, r)
                    sphone = phone_variant(p.phone_at(t), r, p.phone_habit) if r.random() < 0.85 else self.w.landline(p.work, r)
                    cust = "".join(nm.random_names(r, np.array([int(r.integers(0, 2))]))[0])
                    cplace = self.w.geo.home(self.w.geo.sample_region(r.random() > 0.3))
                    wb = self._waybill(c, p, cplace, "customer", t, r, recv_name=cust,
                                       recv_phone=mask_phone(self.w.new_phone("浙江", "ext")), address=render(cplace, r, 0.8),
                                       role="sender", sender=(sname, sphone, saddr))
                    wb["sign_type"] = ("本人签收" if r.random() < 0.7 else "驿站代收") if wb["sign_time"] is not None else None
                    wb["_place"], wb["_place_kind"] = p.work, "work"
                    self.waybills[c].append(wb)

    def ensure_presence(self) -> None:
        """Every present debtor leaves at least one trace."""
        seen = set()
        for lst in (*self.orders.values(), *self.waybills.values()):
            for o in lst:
                seen.add(o["_subject"].key)
        for a in self.social:
            seen.add(a["_subject"].key)
        r = self.w.r_ways
        for p in self.w.debtor_people:
            if p.absent or p.key in seen:
                continue
            for _ in range(2):
                t = self.rand_day_time(r)
                place, pk = self.choose_place(p, t, r)
                self.waybills["zto"].append(self._waybill("zto", p, place, pk, t, r))

    def generate(self) -> None:
        self.gen_ecommerce()
        self.gen_social()
        self.gen_logistics()
        self.ensure_presence()
        r = self.w.r_ways
        for c, lst in self.waybills.items():
            lst.sort(key=lambda x: x["pickup_time"])
            for x in lst:
                x["waybill_no"] = self._waybill_no(c, r)
