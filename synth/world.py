"""The synthetic world: people, households, places, phones, court cases and platform traces.

Everything is drawn from one ``numpy`` generator per stage (spawned from the seed), and
iteration is always over lists, never sets, so a seed reproduces the world exactly.
Rendering to files (and dirtying) lives in ``synth.render``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from linkage.gazetteer import landline_area_codes, mobile_prefixes

from . import names as nm
from .ids import make_id, make_uscc
from .places import ZJ, ZJ_CITY_WEIGHTS, Geo, Place

COURTS = [
    # (court name, case-number court code, court county, roster file name)
    ("绍兴市柯桥区人民法院", "浙0603", ("浙江省", "绍兴市", "柯桥区"), "court_roster_{d}.csv"),
    ("台州市黄岩区人民法院", "浙1003", ("浙江省", "台州市", "黄岩区"), "hyfy_roster_{d}.csv"),
]
HUKOU_MIGRANT_PROVINCES = ["安徽省", "江西省", "河南省", "四川省", "贵州省", "湖南省", "江苏省", "福建省"]

CATEGORIES = [
    # category, weight, low, high (yuan), physical delivery
    ("家居日用", 20, 9, 300, True), ("食品生鲜", 20, 12, 400, True), ("服饰", 15, 39, 900, True),
    ("数码", 6, 99, 8999, True), ("母婴", 6, 29, 700, True), ("美妆个护", 8, 29, 900, True),
    ("图书", 4, 15, 200, True), ("家电", 4, 199, 7999, True), ("运动户外", 5, 49, 1500, True),
    ("奢侈品箱包", 1.2, 2800, 39000, True), ("机票", 1.5, 380, 5200, False),
    ("教育培训", 1.0, 980, 29800, False), ("高铁一等座", 1.2, 180, 1600, False),
]
LUXURY = {"奢侈品箱包", "机票", "教育培训", "高铁一等座"}
# How platforms label a category, and whether buying it breaks a consumption-restriction
# order (the generator's own truth, kept apart from data/restricted_categories.csv): variant
# spellings must still be found, look-alikes (旅游鞋 are shoes) must not.
CATEGORY_SPELLINGS = {
    "机票": [("机票", True), ("國內機票", True), ("航空机票 经济舱", True), ("国际机票/往返", True)],
    "高铁一等座": [("高铁一等座", True), ("高鐵商務座", True), ("动车 一等座", True), ("火车票", False)],
    "奢侈品箱包": [("奢侈品箱包", True), ("名表", True), ("奢侈品·珠宝", True), ("高尔夫球场", True),
              ("五星级酒店住宿", True), ("旅行箱", False)],
    "教育培训": [("教育培训", False), ("私立学校学费", True), ("国际学校 学费", True)],
    "运动户外": [("运动户外", False), ("旅游鞋", False), ("户外旅游用品", False)],
    "服饰": [("服饰", False), ("度假风连衣裙", False)],
    "母婴": [("母婴", False), ("高铁玩具", False)],
    "图书": [("图书", False), ("旅游地图", False)],
}
_CAT_P = np.array([c[1] for c in CATEGORIES], float)
_CAT_P /= _CAT_P.sum()
_LUX_IDX = [i for i, c in enumerate(CATEGORIES) if c[0] in LUXURY]

SHOPS = ["天猫超市", "京东自营", "三只松鼠旗舰店", "小米官方旗舰店", "优衣库官方店", "良品铺子", "罗莱家纺", "百草味", "安踏官方店", "华为商城", "名创优品", "网易严选"]
WAREHOUSES = [
    ("浙江省", "杭州市", "余杭区", "仓前街道"), ("浙江省", "嘉兴市", "海宁市", "长安镇"), ("上海市", "上海市", "嘉定区", "安亭镇"),
    ("江苏省", "苏州市", "昆山市", "花桥镇"), ("广东省", "广州市", "白云区", "太和镇"), ("浙江省", "金华市", "义乌市", "稠江街道"),
]


@dataclass(eq=False)
class Person:
    key: str
    surname: str
    given: str
    gender: int
    birth: date
    id_number: str
    hukou_county: tuple
    hukou_address: str
    region: str                      # city (Zhejiang) or province (elsewhere) of the current home
    home: Place
    home_since: date
    old_home: Place | None = None
    moved_on: date | None = None
    work: Place | None = None
    pickups: list = field(default_factory=list)      # near current home
    old_pickups: list = field(default_factory=list)  # near old home
    phones: list = field(default_factory=list)       # current
    stale: list = field(default_factory=list)        # used until phone_changed_on
    phone_changed_on: date | None = None
    spouse: "Person | None" = None
    debtor: bool = False
    absent: bool = False
    online: bool = True
    activity: float = 1.0
    locker_habit: float = 0.0
    name_habit: int = 0
    phone_habit: int = 0
    uses_spouse_account: bool = False

    @property
    def name(self) -> str:
        return self.surname + self.given

    def home_at(self, t: datetime) -> tuple[Place, str, list]:
        if self.old_home is not None and self.moved_on is not None and t.date() < self.moved_on:
            return self.old_home, "old_home", self.old_pickups
        return self.home, "home", self.pickups

    def phone_at(self, t: datetime) -> str:
        if self.stale and self.phone_changed_on and t.date() < self.phone_changed_on:
            return self.stale[0]
        return self.phones[0]


@dataclass(eq=False)
class Org:
    key: str
    name: str
    code: str
    county: tuple
    address: str
    phones: list


@dataclass(eq=False)
class Case:
    case_no: str
    court: str
    judge: str
    debtor: object                 # Person | Org
    amount: float
    filed: date
    restricted: bool
    blacklisted: bool
    status: str
    roster_phones: str
    dirty: str | None = None


class World:
    def __init__(self, n_debtors: int, seed: int, as_of: date):
        self.n_debtors = n_debtors
        self.as_of = as_of
        self.start = datetime.combine(as_of - timedelta(days=730), datetime.min.time())
        self.end = datetime.combine(as_of, datetime.min.time())  # exclusive
        ss = np.random.SeedSequence(seed)
        (self.r_geo, self.r_people, self.r_cases, self.r_orders, self.r_social,
         self.r_ways, self.r_render) = [np.random.default_rng(s) for s in ss.spawn(7)]
        # A stream of its own, so that spelling categories leaves every other draw as it was.
        self.r_spell = np.random.default_rng(ss.spawn(1)[0])
        self.geo = Geo(self.r_geo)
        self.people: list[Person] = []
        self.orgs: list[Org] = []
        self.cases: list[Case] = []
        self._ids: dict[str, int] = {}
        self._phones: dict[str, str] = {}
        self._prefix_cache: dict[str, list[str]] = {}
        self._county_cache: dict[tuple, list[tuple]] = {}
        self._area: dict[str, str] = {}
        for code, prov, city in landline_area_codes().iter_rows():
            self._area.setdefault(city, code)
            self._area.setdefault(prov, code)
        self.build_people()
        self.build_cases()

    # ------------------------------------------------------------------ phones
    def _prefixes(self, region_short: str) -> list[str]:
        if region_short not in self._prefix_cache:
            mp = mobile_prefixes()
            zj_cities = {c.removesuffix("市") for c in ZJ_CITY_WEIGHTS}
            if region_short in zj_cities:
                sel = mp.filter((mp["province"] == "浙江") & (mp["city"] == region_short))
            else:
                sel = mp.filter(mp["province"] == region_short)
            lst = sorted(sel["prefix7"].to_list())
            if not lst:
                lst = sorted(mp.filter(mp["province"] == "浙江")["prefix7"].to_list())
            self._prefix_cache[region_short] = lst
        return self._prefix_cache[region_short]

    def new_phone(self, region_short: str, owner: str) -> str:
        r = self.r_people
        pre = self._prefixes(region_short)
        while True:
            p = pre[int(r.integers(0, len(pre)))] + f"{int(r.integers(0, 10000)):04d}"
            if p not in self._phones:
                self._phones[p] = owner
                return p

    def landline(self, place: Place, r: np.random.Generator) -> str:
        code = self._area.get(place.city_short) or self._area.get(place.prov_short) or "0571"
        return f"{code}-{int(r.integers(5, 9))}{int(r.integers(0, 10**7)):07d}"

    @staticmethod
    def _region_short(prov: str, city: str) -> str:
        if prov == ZJ:
            return city.removesuffix("市")
        for suf in ("省", "市", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区"):
            if prov.endswith(suf):
                return prov[: -len(suf)]
        return prov

    # ------------------------------------------------------------------ people
    def _county_in(self, prov: str, city: str | None = None) -> tuple:
        key = (prov, city)
        if key not in self._county_cache:
            self._county_cache[key] = [k for k in self.geo.all_counties if k[0] == prov and (city is None or k[1] == city)]
        ks = self._county_cache[key]
        return ks[int(self.r_people.integers(0, len(ks)))]

    def _new_id(self, county: tuple, birth: date, male: bool) -> str:
        code = self.geo.county_codes[county]
        while True:
            seq = int(self.r_people.integers(0, 499))
            x = make_id(code, f"{birth:%Y%m%d}", seq, male)
            if x not in self._ids:
                self._ids[x] = 1
                return x

    def _birth(self, lo: int = 1955, hi: int = 2004) -> date:
        r = self.r_people
        y = int(np.clip(r.normal(1980, 10), lo, hi))
        return date(y, 1, 1) + timedelta(days=int(r.integers(0, 365)))

    def _rand_time(self, lo: datetime, hi: datetime) -> datetime:
        span = (hi - lo).total_seconds()
        return lo + timedelta(seconds=int(self.r_people.random() * span))

    def _person(self, *, debtor: bool, region: str, zj_home: bool, hukou: tuple | None = None,
                surname: str | None = None, given: str | None = None, gender: int | None = None,
                birth: date | None = None, home: Place | None = None, district: tuple | None = None) -> Person:
        r = self.r_people
        gender = int(r.integers(0, 2)) if gender is None else gender
        if surname is None:
            surname, given2 = nm.random_names(r, np.array([gender]))[0]
            given = given or given2
        elif given is None:
            given = nm.random_names(r, np.array([gender]))[0][1]
        birth = birth or self._birth(1958 if debtor else 1955, 2002 if debtor else 2004)
        if hukou is None:
            x = r.random()
            if zj_home and x < 0.55 and region in ZJ_CITY_WEIGHTS:
                hukou = self._county_in(ZJ, region)
            elif x < 0.82:
                hukou = self.geo.zj_counties[int(r.integers(0, len(self.geo.zj_counties)))]
            else:
                hukou = self._county_in(HUKOU_MIGRANT_PROVINCES[int(r.integers(0, len(HUKOU_MIGRANT_PROVINCES)))])
        idn = self._new_id(hukou, birth, bool(gender))
        home = home or self.geo.home(region, district=district)
        since = self._rand_time(datetime(2008, 1, 1), self.start - timedelta(days=30)).date()
        key = f"P{len(self.people) + 1:06d}"
        p = Person(key, surname, given, gender, birth, idn, hukou, self.geo.hukou_address(hukou), region, home, since)
        p.debtor = debtor
        p.activity = float(np.exp(r.normal(0, 0.6)))
        p.name_habit = int(r.integers(0, 8))
        p.phone_habit = int(r.integers(0, 8))
        p.locker_habit = float(r.choice([0.0, 0.0, 0.15, 0.35, 0.7]))
        rs = self._region_short(home.province, home.city)
        p.phones = [self.new_phone(rs if r.random() < 0.8 else self._region_short(*hukou[:2]), key)]
        if r.random() < 0.12:
            p.phones.append(self.new_phone(rs, key))
        self.people.append(p)
        return p

    def _maybe_move(self, p: Person, prob: float) -> None:
        r = self.r_people
        if r.random() >= prob:
            return
        old = p.home
        if r.random() < 0.6:
            new = self.geo.home(p.region)
        else:
            zj = r.random() < 0.85
            p.region = self.geo.sample_region(zj)
            new = self.geo.home(p.region)
        p.old_home, p.home = old, new
        # most moves are a while ago; a recent move leaves more deliveries at the old home than the new
        p.moved_on = (self.start + timedelta(days=int(60 + r.random() ** 2 * 625))).date()
        p.home_since = p.moved_on

    def _maybe_work(self, p: Person, prob: float) -> None:
        r = self.r_people
        if r.random() >= prob:
            return
        x = r.random()
        if x < 0.7:
            p.work = self.geo.workplace(p.region, p.home.province == ZJ)
            if p.work.kind == "market" and p.home.province != ZJ:
                p.work = self.geo.workplace(p.region, False)
        elif x < 0.9 and p.home.province == ZJ:
            # a shop or job in another Zhejiang city (a market stall in Keqiao, Yiwu ...)
            p.work = self.geo.workplace(self.geo.sample_region(True), True)
        else:
            p.work = self.geo.workplace(p.region, False)

    def _phone_history(self, p: Person, prob: float) -> None:
        r = self.r_people
        if r.random() >= prob:
            return
        rs = self._region_short(*p.hukou_county[:2])
        p.stale = [self.new_phone(rs, p.key)]
        if r.random() < 0.25:
            p.stale.append(self.new_phone(rs, p.key))
        if r.random() < 0.55:
            p.phone_changed_on = (self.start - timedelta(days=int(r.integers(30, 1500)))).date()
        else:
            p.phone_changed_on = (self.start + timedelta(days=int(r.integers(30, 700)))).date()

    def _spouse(self, p: Person, debtor: bool = False) -> Person:
        r = self.r_people
        b = p.birth + timedelta(days=int(r.normal(0, 3) * 365))
        b = min(max(b, date(1955, 1, 1)), date(2004, 12, 28))
        s = self._person(debtor=debtor, region=p.region, zj_home=p.home.province == ZJ, gender=1 - p.gender,
                         birth=b, home=p.home)
        s.home_since, s.old_home, s.moved_on = p.home_since, p.old_home, p.moved_on
        s.pickups, s.old_pickups = p.pickups, p.old_pickups
        s.locker_habit = p.locker_habit
        s.spouse, p.spouse = p, s
        return s

    def _pickups(self, p: Person) -> None:
        if p.locker_habit > 0:
            p.pickups = [self.geo.pickup_near(p.home)]
            if self.r_people.random() < 0.3:
                p.pickups.append(self.geo.pickup_near(p.home))
            if p.old_home is not None:
                p.old_pickups = [self.geo.pickup_near(p.old_home)]

    def build_people(self) -> None:
        r = self.r_people
        n = self.n_debtors
        n_org = max(1, int(round(n * 0.08)))
        n_person = n - n_org
        self.n_org = n_org
        debtors: list[Person] = []
        while len(debtors) < n_person:
            court = COURTS[int(r.random() < 0.42)]
            zj = r.random() >= 0.10
            x = r.random()
            if zj and x < 0.45:
                region = court[2][1]
            else:
                region = self.geo.sample_region(zj)
            hukou = None
            if r.random() < 0.5:
                hukou = self._county_in(ZJ, court[2][1])
            p = self._person(debtor=True, region=region, zj_home=zj, hukou=hukou)
            p.court_pref = COURTS.index(court)  # type: ignore[attr-defined]
            self._maybe_move(p, 0.25)
            self._maybe_work(p, 0.40)
            self._phone_history(p, 0.75)
            self._pickups(p)
            debtors.append(p)
            if r.random() < 0.58:
                co = len(debtors) < n_person and r.random() < 0.06
                s = self._spouse(p, debtor=co)
                self._maybe_work(s, 0.5)
                self._phone_history(s, 0.2)
                if co:
                    s.court_pref = p.court_pref  # type: ignore[attr-defined]
                    s.co_debtor_of = p  # type: ignore[attr-defined]
                    debtors.append(s)
        # absent debtors: no trace anywhere
        for p in debtors:
            p.absent = r.random() < 0.15
            p.online = not p.absent
        # spouse-account habit
        for p in debtors:
            if not p.absent and p.spouse is not None and not p.spouse.debtor and r.random() < 0.25:
                p.uses_spouse_account = True
        self.debtor_people = debtors
        n_non_target = int(round(len(debtors) * float(r.uniform(6.0, 7.0))))
        n_non = sum(1 for p in self.people if not p.debtor)
        # namesakes of debtors in the same city
        for p in debtors:
            if r.random() < 0.22 and n_non < n_non_target:
                d = (p.home.province, p.home.city, p.home.district) if r.random() < 0.5 and p.home.kind == "estate" else None
                q = self._person(debtor=False, region=p.region, zj_home=p.home.province == ZJ,
                                 surname=p.surname, given=p.given, gender=p.gender, district=d,
                                 birth=p.birth + timedelta(days=int(r.integers(-400, 400))) if r.random() < 0.2 else None)
                self._non_debtor_extras(q)
                n_non += 1 + (q.spouse is not None)
        debtor_regions = [p.region for p in debtors]
        while n_non < n_non_target:
            x = r.random()
            if x < 0.45:
                region, zj = debtor_regions[int(r.integers(0, len(debtor_regions)))], None
            else:
                zj = r.random() >= 0.08
                region = self.geo.sample_region(zj)
            zj_home = (region in ZJ_CITY_WEIGHTS) if zj is None else zj
            home = None
            if r.random() < 0.10:
                home = self.geo.neighbour(debtors[int(r.integers(0, len(debtors)))].home)
                region = home.city if home.province == ZJ else home.province
                zj_home = home.province == ZJ
            q = self._person(debtor=False, region=region, zj_home=zj_home, home=home)
            self._non_debtor_extras(q)
            n_non += 1 + (q.spouse is not None)
        # recycled numbers: some debtors' long-dead phones now belong to someone else
        nons = [p for p in self.people if not p.debtor]
        for p in debtors:
            if p.stale and p.phone_changed_on and p.phone_changed_on < self.start.date() and r.random() < 0.25:
                q = nons[int(r.integers(0, len(nons)))]
                q.phones = [p.stale[0]] + q.phones[1:]
                q.recycled_from = p.key  # type: ignore[attr-defined]

    def _non_debtor_extras(self, q: Person) -> None:
        r = self.r_people
        self._maybe_move(q, 0.15)
        self._maybe_work(q, 0.5)
        self._phone_history(q, 0.2)
        self._pickups(q)
        q.online = r.random() < 0.93
        if r.random() < 0.55:
            s = self._spouse(q)
            self._maybe_work(s, 0.5)
            s.online = r.random() < 0.85

    # ------------------------------------------------------------------ cases
    def build_cases(self) -> None:
        r = self.r_cases
        judges = [[nm.random_names(r, np.array([g]))[0] for g in r.integers(0, 2, 7)] for _ in COURTS]
        seq: dict[tuple, int] = {}
        pending: list[tuple] = []  # (court idx, debtor, filed, status)

        def status() -> str:
            x = r.random()
            return "执行中" if x < 0.52 else "终本" if x < 0.90 else "执行完毕"

        def filed() -> date:
            lo = date(2019, 1, 2).toordinal()
            hi = (self.as_of - timedelta(days=3)).toordinal()
            u = r.random() ** 0.7
            return date.fromordinal(lo + int(u * (hi - lo)))

        for p in self.debtor_people:
            if hasattr(p, "co_debtor_of"):
                continue
            k = int(r.choice([1, 2, 3], p=[0.6, 0.3, 0.1]))
            for j in range(k):
                c = p.court_pref if (j == 0 or r.random() < 0.8) else 1 - p.court_pref  # type: ignore[attr-defined]
                pending.append((c, [p], filed(), status()))
        for p in self.debtor_people:
            if hasattr(p, "co_debtor_of"):
                host = p.co_debtor_of  # type: ignore[attr-defined]
                for item in pending:
                    if item[1][0] is host:
                        item[1].append(p)
                        break
        # organisations
        for i in range(self.n_org):
            court = int(r.random() < 0.42)
            county = COURTS[court][2] if r.random() < 0.6 else self.geo.zj_counties[int(r.integers(0, len(self.geo.zj_counties)))]
            code8 = f"{int(r.integers(0, 10**8)):08d}"
            uscc = make_uscc(self.geo.county_codes[county], code8)
            _, cs, ds = self.geo.shorts(*county)
            oname = f"{cs}{ds if r.random() < 0.5 else ''}{self.geo.company('')}"
            addr = self.geo.hukou_address(county)
            o = Org(f"O{i + 1:05d}", oname, uscc, county, addr, [self.landline(self.geo.home(county[1]) if county[0] == ZJ else self.geo.home(county[0]), r)])
            self.orgs.append(o)
            if r.random() < 0.5 and pending:
                # company and its legal representative in the same case
                cands = [it for it in pending if it[0] == court]
                if cands:
                    cands[int(r.integers(0, len(cands)))][1].append(o)
                    continue
            pending.append((court, [o], filed(), status()))
        pending.sort(key=lambda it: (it[2], it[0]))
        for court, debtors, fd, st in pending:
            cname, ccode, _, _ = COURTS[court]
            y = fd.year
            seq[(court, y)] = seq.get((court, y), 0) + int(r.integers(1, 30))
            kind = "执" if r.random() < 0.9 else "执恢"
            case_no = f"({y}){ccode}{kind}{seq[(court, y)]}号"
            sj = judges[court][int(r.integers(0, 7))]
            judge = sj[0] + sj[1]
            amount = float(np.round(np.exp(r.normal(10.8, 1.3)), 2))
            if r.random() < 0.3:
                amount = float(round(amount, -2))
            concluded = st == "执行完毕"
            bl = (not concluded) and r.random() < 0.5
            rest = (not concluded) and r.random() < 0.85
            for d in debtors:
                self.cases.append(Case(case_no, cname, judge, d, amount, fd, rest, bl, st, self._roster_phones(d, r)))

    def _roster_phones(self, d, r: np.random.Generator) -> str:
        if isinstance(d, Org):
            return d.phones[0] if r.random() < 0.6 else ""
        x = r.random()
        if x < 0.12:
            return ""
        if x < 0.62 and d.stale:
            ph = list(d.stale)
        elif x < 0.80:
            ph = list(d.phones[:1])
        else:
            ph = list(d.stale) + list(d.phones)
        if not ph:
            ph = list(d.phones[:1])
        seps = [";", "；", "、", ","]
        sep = seps[int(r.integers(0, 4))]
        return sep.join(ph)
