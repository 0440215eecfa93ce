"""Places (homes, workplaces, lockers) and the many ways people write them."""
from names import cn_small


def _P(d):
    """canonical administrative prefix"""
    if d["prov"] == d["city"]:
        return d["prov"] + d["dist"]
    return d["prov"] + d["city"] + d["dist"]


def prefix(d, rng):
    muni = d["prov"] == d["city"]
    r = rng.random()
    if muni:
        opts = [(0.35, d["prov"] + d["dist"]), (0.15, d["prov_s"] + d["dist"]), (0.15, d["dist"]),
                (0.1, d["prov"] + d["city"] + d["dist"]), (0.1, d["prov_s"] + d["dist_s"]),
                (0.15, d["prov"] + " " + d["dist"] + " ")]
    else:
        opts = [(0.30, d["prov"] + d["city"] + d["dist"]), (0.18, d["city"] + d["dist"]),
                (0.10, d["city_s"] + d["dist"]), (0.10, d["city"] + d["dist_s"]),
                (0.08, d["prov_s"] + d["city_s"] + d["dist_s"]), (0.10, d["dist"]),
                (0.14, d["prov"] + " " + d["city"] + " " + d["dist"] + " ")]
    acc = 0
    for p, s in opts:
        acc += p
        if r < acc:
            return s
    return opts[0][1]


def _sp(rng):
    return " " if rng.random() < 0.2 else ""


NOTES = ["（放门口）", " 送货上门", "（电话联系）", "，家里有人", " 请放门口鞋柜"]


class Place:
    """A concrete delivery point. kind: home | village | office | market | factory | shop | locker"""
    __slots__ = ("pid", "kind", "d", "f", "canon", "area_key")

    def __init__(self, pid, kind, d, f):
        self.pid, self.kind, self.d, self.f = pid, kind, d, f
        self.canon = self._canon()
        # the compound / building the place belongs to (neighbours share it)
        self.area_key = f.get("area_key", self.canon)

    def _canon(self):
        d, f, k = self.d, self.f, self.kind
        P = _P(d)
        if k == "home":
            if d["style"] == "sh":
                return f"{P}{f['road']}{f['lane']}弄{f['b']}号{f['r']}室"
            return f"{P}{f['road']}{f['no']}号{f['cname']}{f['b']}幢{f['u']}单元{f['r']}室"
        if k == "village":
            g = f"{f['g']}组" if f["g"] else ""
            return f"{P}{f['town']}{f['vil']}{g}{f['no']}号"
        if k == "office":
            return f"{P}{f['road']}{f['no']}号{f['tower']}{f['r']}室"
        if k == "market":
            return f"{P}{f['road']}{f['no']}号{f['mkt']}{f['zone']}{f['st']}街{f['stall']}号"
        if k == "factory":
            return f"{P}{f['park']}{f['road']}{f['no']}号"
        if k == "shop":
            return f"{P}{f['road']}{f['no']}号"
        if k == "locker":
            return f"{P}{f['text']}"
        raise ValueError(k)

    # ------------------------------------------------------------------ writing
    def written(self, rng, notes=True):
        d, f, k = self.d, self.f, self.kind
        pre = prefix(d, rng)
        s = _sp(rng)
        if k == "home":
            b, u, r = f["b"], f["u"], f["r"]
            if d["style"] == "sh":
                road = f"{f['road']}{f['lane']}弄"
                if f.get("cname") and rng.random() < 0.25:
                    road += f"（{f['cname']}）"
                body = rng.choice([f"{b}号{r}室", f"{b}号{r}", f"{b}号{s}{r}室", f"{b}-{r}", f"{b}号楼{r}室"])
                out = pre + road + s + body
            else:
                if d["style"] == "bj":
                    unit = rng.choice([f"{b}号楼{u}门{r}", f"{b}号楼{u}门{r}", f"{b}号楼{u}单元{r}",
                                       f"{b}-{u}-{r}", f"{b}号楼{u}门{r}室"])
                else:
                    unit = rng.choice([f"{b}幢{u}单元{r}室", f"{b}幢{u}单元{r}室", f"{b}-{u}-{r}",
                                       f"{b}号楼{u}单元{r}", f"{b}栋{u}单元{r}室", f"{b}幢{u}单元{r}",
                                       f"{cn_small(b) if b < 100 else b}幢{cn_small(u)}单元{r}室",
                                       f"{b}幢{u}-{r}", f"{b}#{u}单元{r}"])
                x = rng.random()
                if x < 0.55:
                    out = pre + f"{f['road']}{f['no']}号" + s + f["cname"] + s + unit
                elif x < 0.85:
                    out = pre + f["cname"] + s + unit
                else:
                    out = pre + f"{f['road']}{f['no']}号" + s + unit
        elif k == "village":
            g = f["g"]
            if not g:
                gs = ""
            else:
                gs = rng.choice([f"{g}组", f"{g}组", f"{cn_small(g)}组"] +
                                ([f"{g}社", f"{cn_small(g)}社"] if d["prov"] == "四川省" else []))
            town = f["town"] if rng.random() < 0.9 else ""
            out = pre + town + f["vil"] + gs + f"{f['no']}号"
        elif k == "office":
            fl = f["r"] // 100
            body = rng.choice([f"{f['r']}室", f"{fl}楼{f['r']}", f"{fl}层{f['r']}室", f"{f['r']}", f"{fl}F-{f['r']}"])
            out = pre + (f"{f['road']}{f['no']}号" + s if rng.random() < 0.6 else "") + f["tower"] + body
            if rng.random() < 0.3:
                out += " " + f["company"]
        elif k == "market":
            x = rng.random()
            if x < 0.35:
                out = pre + f"{f['road']}{f['no']}号{f['mkt']}{f['zone']}{f['st']}街{f['stall']}号"
            elif x < 0.65:
                out = pre + f"{f['mkt']}{s}{f['zone']}{f['st']}街{f['stall']}"
            elif x < 0.85:
                out = d["dist_s"] + f"{f['mkt']}{f['zone']}{f['stall']}号商位"
            else:
                out = pre + f"{f['mkt']}{f['zone']}{f['st']}街{f['stall']}号（{f['company']}）"
        elif k == "factory":
            if rng.random() < 0.6:
                out = pre + f["park"] + s + f"{f['road']}{f['no']}号" + " " + f["company"]
            else:
                out = pre + f"{f['road']}{f['no']}号" + f["company"]
        elif k == "shop":
            out = pre + f"{f['road']}{f['no']}号" + rng.choice([f"（{f['company']}）", f["company"], "", "商铺"])
        elif k == "locker":
            out = pre + s + f["text"]
        else:
            raise ValueError(k)
        if notes and k in ("home", "village") and rng.random() < 0.08:
            out += rng.choice(NOTES)
        return out.strip()

    def poi(self):
        """for social geo posts: (poi, address) of the compound / building, no room"""
        d, f, k = self.d, self.f, self.kind
        if k == "home":
            nm = f.get("cname") or f"{f['road']}{f.get('lane', '')}弄"
            if d["style"] == "sh":
                return d["dist"] + nm, f"{d['city']}{d['dist']}{f['road']}{f['lane']}弄"
            return d["dist"] + nm, f"{d['city']}{d['dist']}{f['road']}{f['no']}号{nm}"
        if k == "village":
            return f["town"] + f["vil"], f"{d['city']}{d['dist']}{f['town']}{f['vil']}"
        if k == "office":
            return f["tower"], f"{d['city']}{d['dist']}{f['road']}{f['no']}号{f['tower']}"
        if k == "market":
            return f["mkt"], f"{d['city']}{d['dist']}{f['road']}{f['no']}号{f['mkt']}"
        if k in ("factory", "shop"):
            return f["company"], f"{d['city']}{d['dist']}{f['road']}{f['no']}号"
        return f["text"], d["city"] + d["dist"] + f["text"]
