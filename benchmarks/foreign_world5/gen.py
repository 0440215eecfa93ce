"""foreign5: fifth independent synthetic world for `locate`. Output depends only on --seed."""
import argparse, csv, io, json, os, random, shutil
from datetime import datetime, timedelta, date
import polars as pl

# ---------------------------------------------------------------- geography (real GB/T 2260 codes)
# urban areas: (prov, city, district-or-town, county code used in IDs)
URBAN = [
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102"), ("新疆维吾尔自治区", "乌鲁木齐市", "沙依巴克区", "650103"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "新市区", "650104"),
    ("山西省", "太原市", "小店区", "140105"), ("山西省", "太原市", "迎泽区", "140106"), ("山西省", "太原市", "杏花岭区", "140107"),
    ("吉林省", "长春市", "朝阳区", "220104"), ("吉林省", "长春市", "南关区", "220102"), ("吉林省", "长春市", "宽城区", "220103"),
    ("青海省", "西宁市", "城东区", "630102"), ("青海省", "西宁市", "城中区", "630103"),
    ("广东省", "东莞市", "长安镇", "441900"), ("广东省", "东莞市", "虎门镇", "441900"), ("广东省", "东莞市", "塘厦镇", "441900"),
    ("广东省", "中山市", "小榄镇", "442000"), ("广东省", "中山市", "古镇镇", "442000"),
    ("海南省", "琼海市", "嘉积镇", "469002"), ("海南省", "文昌市", "文城镇", "469005"),
]
UW = [6, 4, 3, 6, 4, 3, 5, 3, 3, 4, 3, 4, 3, 3, 3, 2, 3, 2]
# rural: (prov, city, county, code, towns)
RURAL = [
    ("山西省", "吕梁市", "临县", "141124", ["碛口镇", "白文镇", "城庄镇"]),
    ("吉林省", "长春市", "农安县", "220122", ["合隆镇", "烧锅镇", "高家店镇"]),
    ("新疆维吾尔自治区", "喀什地区", "疏勒县", "653122", ["罕南力克镇", "巴合齐乡"]),
    ("青海省", "海东市", "互助土族自治县", "630223", ["威远镇", "丹麻镇", "高寨镇"]),
    ("山西省", "忻州市", "静乐县", "140926", ["鹅城镇", "杜家村镇"]),
]
ABBR_OK = {"天山区": "天山", "沙依巴克区": "沙区", "小店区": "小店", "迎泽区": "迎泽", "杏花岭区": "杏花岭", "南关区": "南关",
           "宽城区": "宽城", "城东区": "城东", "城中区": "城中", "朝阳区": "朝阳", "新市区": "新市"}
ROADS = ["解放路", "友好北路", "长江路", "迎泽大街", "并州路", "人民大街", "亚泰大街", "五一路", "昆仑路", "莞太路",
         "银河路", "富华道", "兴华路", "滨海大道", "文明路", "红旗街", "建设路", "光明路", "胜利路", "和平街"]
XIAOQU = ["阳光花园", "锦绣家园", "翠湖小区", "天润名城", "幸福里", "金桥苑", "龙湖郦城", "世纪新村", "碧桂园", "万科城",
          "融创府", "汇景苑", "石化小区", "铁路宿舍", "水利局家属院", "电厂大院", "师范学院宿舍", "人民医院家属院", "1号院", "春晓苑"]
JIEDAO = ["和平", "东风", "新华", "光明", "胜利"]
VILL = ["王家", "李家", "高庄", "石门", "前进", "红星", "团结", "杨柳", "东沟", "柳树"]
TOWERS = ["国际大厦", "金融中心", "时代广场", "汇嘉大厦", "财富中心", "科技园"]
ORGW = ["第二人民医院", "第一中学", "实验小学", "电子厂", "五金制品有限公司", "物流园"]
LOCKERS = ["东门丰巢快递柜", "菜鸟驿站", "南门丰巢柜", "妈妈驿站", "兔喜生活", "京东自提柜"]

SURN = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞")
GIV = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华志国文玉红梅春海波鹏宇浩斌飞辉凯晨欣怡婷雪琳")
PIN = {"王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang"}
UYG = ["阿不都热合曼", "买买提", "艾尔肯", "古丽娜尔", "热依拉", "阿依古丽", "吐尔逊", "努尔兰", "帕提古丽", "依明"]
CN = "零一二三四五六七八九"
FW = str.maketrans("0123456789", "０１２３４５６７８９")
NORMAL_CATS = ["家居日用", "食品生鲜", "母婴用品", "数码配件", "服装鞋帽", "图书", "美妆个护", "汽车用品", "宠物用品"]
RESTR = ["机票", "高铁一等座", "星级酒店", "高尔夫", "旅游度假"]
T0, T1 = datetime(2026, 3, 1), datetime(2026, 11, 26, 22, 0)


def idcheck(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * x for c, x in zip(s17, w)) % 11]


def credit(rnd, county):
    A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = "91" + county + "".join(rnd.choice(A[:10] + "ABCDEFGH") for _ in range(9))
    c = (31 - sum(A.index(ch) * x for ch, x in zip(s, w)) % 31) % 31
    return s + A[c]


def cnum(n):  # small chinese numeral
    if n < 10: return CN[n]
    if n < 20: return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


class W:
    def __init__(s, seed, K):
        s.r = random.Random(seed); s.K = K
        s.people = []; s.used_ids = set(); s.used_phones = set(); s.pid = 0

    def phone(s, virtual=False):
        r = s.r
        while True:
            p = (r.choice(["170", "171"]) if virtual else r.choice(["135", "138", "139", "150", "152", "158", "182", "187", "189", "177", "199", "136"])) + "".join(r.choice("0123456789") for _ in range(8))
            if p not in s.used_phones:
                s.used_phones.add(p); return p

    def idno(s, county, birth):
        while True:
            q = f"{s.r.randint(0, 999):03d}"
            b = county + birth.strftime("%Y%m%d") + q
            if b not in s.used_ids:
                s.used_ids.add(b); return b + idcheck(b)

    def name(s, prov=None, sur=None):
        r = s.r
        if prov == "新疆维吾尔自治区" and r.random() < 0.5:
            return r.choice(UYG) + "·" + r.choice(UYG)
        return (sur or r.choice(SURN)) + "".join(r.choice(GIV) for _ in range(r.choice([1, 2, 2])))

    def home(s):
        r = s.r
        if r.random() < 0.2:
            p, c, co, code, towns = r.choice(RURAL)
            h = dict(kind="rural", prov=p, city=c, dist=co, code=code, town=r.choice(towns), vill=r.choice(VILL) + "村",
                     g=r.randint(1, 12), m=r.randint(1, 80))
            h["canon"] = f"{p}{c}{co}{h['town']}{h['vill']}{h['g']}组{h['m']}号"
        else:
            i = r.choices(range(len(URBAN)), UW)[0]; p, c, d, code = URBAN[i]
            h = dict(kind="urban", prov=p, city=c, dist=d, code=code, road=r.choice(ROADS), n=r.randint(1, 399),
                     xq=r.choice(XIAOQU), b=r.randint(1, 30), u=r.randint(1, 6), fl=r.randint(1, 25), rm=r.randint(1, 4))
            h["room"] = f"{h['fl']}{h['rm']:02d}"
            h["canon"] = f"{p}{c}{d}{h['road']}{h['n']}号{h['xq']}{h['b']}幢{h['u']}单元{h['room']}室"
        return h

    def work(s, near):
        r = s.r
        i = r.choices(range(len(URBAN)), UW)[0]; p, c, d, code = URBAN[i]
        if near and near["kind"] == "urban" and r.random() < 0.6:
            p, c, d = near["prov"], near["city"], near["dist"]
        road, n = r.choice(ROADS), r.randint(1, 399)
        if r.random() < 0.5:
            t = r.choice(TOWERS); blk = r.choice("ABC"); fl = r.randint(2, 30); rm = f"{fl}{r.randint(1, 20):02d}"
            w = dict(kind="tower", place=t, blk=blk, rm=rm, canon_tail=f"{t}{blk}座{rm}室")
        else:
            o = r.choice(ORGW); place = (c[:-1] if o in ORGW[:3] else r.choice(["华丰", "宏达", "鑫源", "立信"])) + o
            w = dict(kind="org", place=place, canon_tail=place)
        w.update(prov=p, city=c, dist=d, road=road, n=n)
        w["canon"] = f"{p}{c}{d}{road}{n}号{w['canon_tail']}"
        return w

    def person(s, role, household=None, home=None, prov=None, sur=None, name=None):
        r = s.r; s.pid += 1
        h = home or s.home()
        birth = date(r.randint(1955, 2000), r.randint(1, 12), r.randint(1, 28))
        hk = r.choice(RURAL) if r.random() < 0.5 else None
        county = hk[3] if hk else h["code"]
        p = dict(pid=s.pid, role=role, household=household or s.pid, kind="person",
                 name=name or s.name(prov or h["prov"], sur), id_number=s.idno(county, birth), home=h, old_home=None, move_date=None,
                 work=None, phones=[s.phone()], old_phone=None, phone_change=None, flags=[])
        if hk:
            p["hukou"] = f"{hk[0]}{hk[1]}{hk[2]}{r.choice(hk[4])}{r.choice(VILL)}村{cnum(r.randint(1, 9))}组{r.randint(1, 99)}号"
        else:
            p["hukou"] = h["canon"]
        s.people.append(p); return p


def tsfmt(t, single=False):
    return f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}" if single else t.strftime("%Y/%m/%d %H:%M:%S")


def rand_t(r, a=T0, b=T1, work=False):
    while True:
        t = a + timedelta(seconds=r.randint(0, max(1, int((b - a).total_seconds()))))
        if work:
            if t.weekday() < 5:
                return t.replace(hour=r.randint(9, 16), minute=r.randint(0, 59))
        else:
            if t.weekday() >= 5 or True:
                h = r.choice([8, 12, 18, 19, 20, 21]) if t.weekday() < 5 else r.randint(9, 21)
                return t.replace(hour=h, minute=r.randint(0, 59))


def render_home(r, h, locker=None):
    """free-text rendering of a home (or a locker next to it)."""
    p, c, d = h["prov"], h["city"], h["dist"]
    pre = r.choice([p + c + d, c + d, c + d, p + c + d])
    if d in ABBR_OK and r.random() < 0.15:
        pre = c + ABBR_OK[d]
    if h["kind"] == "rural":
        g = h["g"]; gs = r.choice([f"{g}组", f"{cnum(g)}组", f"{g}组"])
        s = f"{pre}{h['town']}{h['vill']}{gs}{h['m']}号"
        if locker: s = f"{pre}{h['town']}{r.choice(['菜鸟驿站', '邮政代办点'])}"
        return s
    if r.random() < 0.1 and h["kind"] == "urban" and not d.endswith("镇"):
        pre += f"{r.choice(JIEDAO)}街道{r.choice(JIEDAO)}社区"
    base = f"{pre}{h['road']}{h['n']}号{h['xq']}"
    if locker:
        return base + locker
    b, u, rm, fl = h["b"], h["u"], h["room"], h["fl"]
    v = r.random()
    if v < 0.35: bl = f"{b}幢{u}单元{rm}室"
    elif v < 0.5: bl = f"{b}号楼{u}单元{fl}层{rm}"
    elif v < 0.6: bl = f"{b}-{u}-{rm}"
    elif v < 0.7: bl = f"{b}栋{u}单元{rm}房"
    elif v < 0.78: bl = f"{cnum(b)}幢{cnum(u)}单元{rm}室"
    elif v < 0.86: bl = f"{b}幢{u}单元{rm}室".translate(FW)
    elif v < 0.93: bl = f"{b}号楼{u}单元{rm}"
    else: bl = f"{b}-{u}-{fl}-{rm}"
    sep = r.choice(["", "", " "])
    return base + sep + bl


def render_work(r, w):
    pre = r.choice([w["prov"] + w["city"] + w["dist"], w["city"] + w["dist"]])
    base = f"{pre}{w['road']}{w['n']}号{w['place']}"
    if w["kind"] == "tower":
        return base + r.choice([f"{w['blk']}座{w['rm']}室", f"{w['blk']}座{w['rm']}", f"{w['blk']}座 Room {w['rm']}"])
    return base + r.choice(["", "", "收发室", "行政部"])


def mask_name(r, n, pol):
    if pol == "full" or r.random() < 0.2: return n
    if "·" in n: return n.split("·")[0] + "·**"
    return r.choice([n[0] + "*" * (len(n) - 1), n[0] + "*" + n[-1] if len(n) == 3 else n[0] + "*"])


def mask_phone(r, p, pol):
    return p if pol == "full" and r.random() < 0.8 else p[:3] + "****" + p[-4:]


def mask_id(r, i, pol):
    if pol == "none": return ""
    if pol == "full" and r.random() < 0.85: return i
    return r.choice([i[:6] + "********" + i[-4:], i[:2] + "*" * 14 + i[-2:]])


def recip_name(r, p, spouse_pool):
    n = p["name"]; v = r.random()
    if v < 0.55: return n
    if v < 0.7 and "·" not in n: return n[0] + r.choice(["先生", "女士"])
    if v < 0.8 and "·" not in n: return n[0] + "**"
    if v < 0.87 and "·" not in n: return n[0] + r.choice(["经理", "老板", "总"])
    if v < 0.93 and n[0] in PIN: return PIN[n[0]] + " " + "".join(PIN.get(c, "Xiao") for c in n[1:2])
    return n


COURTS = [("新", "乌鲁木齐市天山区人民法院", "新0102"), ("新", "乌鲁木齐市中级人民法院", "新01"), ("晋", "太原市小店区人民法院", "晋0105"),
          ("晋", "临县人民法院", "晋1124"), ("吉", "长春市朝阳区人民法院", "吉0104"), ("吉", "农安县人民法院", "吉0122"),
          ("青", "西宁市城中区人民法院", "青0103"), ("粤", "东莞市第一人民法院", "粤1971"), ("粤", "中山市第一人民法院", "粤2071"),
          ("琼", "琼海市人民法院", "琼9002")]
RFILE = {"新": "fayuan65", "晋": "fayuan14", "吉": "fayuan22", "青": "fayuan63", "粤": "fayuan44", "琼": "fayuan46"}
ECOLS = ["订单编号", "买家ID", "实名姓名", "实名证件号", "绑定手机", "收货人", "收货手机", "收货地址", "下单时间", "签收时间", "实付金额", "商品类目"]
RCOLS = ["案号", "执行法院", "承办人", "被执行人", "证件类型", "证件号码", "联系电话", "户籍地址", "执行标的", "立案日期", "限制消费", "失信", "案件状态"]


def build(seed, K):
    w = W(seed, K); r = w.r
    debtors, orgs = [], []
    for i in range(K):
        if r.random() < 0.08:
            u = URBAN[r.randrange(len(URBAN))]
            o = dict(pid=None, kind="organisation", name=r.choice(["华丰", "宏达", "鑫源", "立信", "天山", "昆仑", "并州", "长白"]) + r.choice(["商贸", "建材", "物流", "餐饮", "科技"]) + r.choice(["有限公司", "有限责任公司"]) ,
                     id_number=None, code=u[3], prov=u[0], city=u[1], dist=u[2])
            w.pid += 1; o["pid"] = w.pid; o["role"] = "debtor"; o["household"] = o["pid"]
            while True:
                cc = credit(r, u[3])
                if cc not in w.used_ids: w.used_ids.add(cc); break
            o["id_number"] = cc; o["landline"] = f"0{r.choice(['991', '351', '431', '971', '769', '760', '898'])}-{r.randint(2000000, 8999999)}"
            if r.random() < 0.4: o["name"] = o["city"][:-1] + o["name"]
            orgs.append(o); w.people.append(dict(o, phones=[], flags=[], home=None, old_home=None, move_date=None, work=None, old_phone=None, phone_change=None, hukou=None))
            debtors.append(w.people[-1]); continue
        d = w.person("debtor")
        if r.random() < 0.55:
            sp = w.person("family", household=d["household"], home=d["home"], sur=None)
            d["spouse"] = sp; sp["spouse"] = d
        if r.random() < 0.5: d["work"] = w.work(d["home"])
        if r.random() < 0.25:
            old = w.home(); d["old_home"] = old
            recent = r.random() < 0.3
            d["move_date"] = datetime(2026, 10, 1) + timedelta(days=r.randint(0, 45)) if recent else datetime(2026, 4, 1) + timedelta(days=r.randint(0, 150))
            if recent: d["flags"].append("recent_move")
        if r.random() < 0.15: d["phones"].append(w.phone())
        if r.random() < 0.25:
            d["old_phone"] = w.phone(); d["phone_change"] = datetime(2026, 3, 15) + timedelta(days=r.randint(0, 120))
        for f, pr in [("absent_by_design", 0.15), ("locker_only", 0.1), ("uses_spouse_account", 0.1), ("violator", 0.15)]:
            if r.random() < pr: d["flags"].append(f)
        debtors.append(d)
    persons = [d for d in debtors if d["kind"] == "person"]
    strangers = [w.person("stranger") for _ in range(max(300, K * 3 // 4))]
    for d in r.sample(persons, len(persons) // 10):  # namesakes
        s = w.person("namesake", name=d["name"]); s["flags"].append("namesake_of:%d" % d["pid"]); strangers.append(s)
    for d in persons:  # recycled numbers
        if d["old_phone"] and r.random() < 0.4:
            s = w.person("stranger"); s["phones"] = [d["old_phone"]]; s["flags"].append("holds_recycled_number"); d["flags"].append("old_number_recycled")
            s["got_number"] = d["phone_change"] + timedelta(days=r.randint(60, 150)); strangers.append(s)
    # ------------------------------------------------------------------ cases
    cases = []; seen = set()
    for d in debtors:
        for _ in range(r.choices([1, 2, 3], [70, 22, 8])[0]):
            pv, court, cc = r.choice(COURTS)
            y = r.randint(2019, 2026)
            fd = date(y, r.randint(1, 12 if y < 2026 else 10), r.randint(1, 28))
            while True:
                no = f"({fd.year}){cc}执{'恢' if r.random() < 0.05 else ''}{r.randint(1, 9999)}号"
                if no not in seen: seen.add(no); break
            if r.random() < 0.2: no = no.replace("(", "（").replace(")", "）")
            cases.append(dict(case_no=no, pv=pv, court=court, pid=d["pid"], filing=fd, status=r.choices(["执行中", "终本", "执行完毕"], [50, 33, 17])[0],
                              restrict=r.random() < 0.7, dishonest=r.random() < 0.45, amount=round(r.uniform(2000, 3e6), 2), judge=w.name("山西省")))
    return w, debtors, persons, strangers, cases


def orders_and_more(w, persons, strangers, orgs_list):
    r = w.r
    ec = {"jdian": [], "pinhuo": []}; so = {"shequ": [], "dongtai": []}; lg = {"sufeng": [], "jitu": []}
    pol = {"jdian": dict(name="full", id="full", ph="full", single=False), "pinhuo": dict(name="mask", id="none", ph="mask", single=True)}
    acct = {}
    oid = [100000]

    def order(plat, holder, recip, rname, dest_kind, dest, addr_text, t, cat=None, amount=None, deliv=True, rphone=None, dirt=None):
        oid[0] += r.randint(1, 9)
        key = (plat, holder["pid"])
        if key not in acct: acct[key] = f"{plat[:2]}{r.randint(10**7, 10**8 - 1)}"
        p = pol[plat]
        ph = holder["phones"][0]
        if holder.get("old_phone") and t < holder["phone_change"]: ph = holder["old_phone"]
        if holder.get("got_number") and t < holder["got_number"]: ph = w.phone()
        sign = t + timedelta(hours=r.randint(20, 90)) if deliv else None
        if sign and sign > T1 + timedelta(hours=1): sign = T1 + timedelta(minutes=r.randint(1, 50))
        rp = rphone or (recip["phones"][0] if recip else w.phone())
        v = r.random()
        if v < 0.1: rp = "+86 " + rp
        elif v < 0.18: rp = f"{rp[:3]}-{rp[3:7]}-{rp[7:]}"
        elif v < 0.25 and p["ph"] == "mask": rp = rp[:3] + "****" + rp[-4:]
        elif v < 0.3: rp = f"{w.phone(virtual=True)}" + r.choice(["-", "转", "#"]) + str(r.randint(1000, 9999)); 
        cat = cat or r.choice(NORMAL_CATS)
        amt = amount if amount is not None else round(r.uniform(5, 900), 2)
        row = {"订单编号": f"{plat.upper()[:2]}{oid[0]}", "买家ID": acct[key], "实名姓名": mask_name(r, holder["name"], p["name"]),
               "实名证件号": mask_id(r, holder["id_number"], p["id"]), "绑定手机": mask_phone(r, ph, p["ph"]), "收货人": rname,
               "收货手机": rp, "收货地址": addr_text, "下单时间": tsfmt(t, p["single"]), "签收时间": tsfmt(sign, p["single"]) if sign else "",
               "实付金额": f"{amt:.2f}", "商品类目": cat}
        rec = dict(source="ecommerce", platform=plat, record_key=f"ecommerce|{plat}|{row['订单编号']}", holder=holder["pid"],
                   recipient=recip["pid"] if recip else None, receiver=None, sender=None, dest_kind=dest_kind, dest_canonical=dest,
                   delivered=deliv, door=deliv and dest_kind in ("home", "old_home", "work", "other"), category=cat, amount=amt,
                   ordered_at=t, order_id=row["订单编号"], dirt=dirt)
        ec[plat].append((row, rec))

    def home_at(p, t):
        if p.get("old_home") and t < p["move_date"]: return p["old_home"], "old_home"
        return p["home"], "home"

    def home_orders(p, plat, n, recip_pool=True):
        for _ in range(n):
            if p.get("move_date") and "recent_move" in p["flags"] and r.random() < 0.6:
                t = rand_t(r, p["move_date"], T1)
            else:
                t = rand_t(r)
            h, kind = home_at(p, t)
            holder = p
            if "uses_spouse_account" in p["flags"] and p.get("spouse"): holder = p["spouse"]
            recip = p
            if p.get("spouse") and holder is p and r.random() < 0.2: recip = p["spouse"]
            rname = recip_name(r, recip, None)
            if "locker_only" in p["flags"] or r.random() < 0.22:
                lk = r.choice(LOCKERS)
                order(plat, holder, recip, rname, "locker", None, render_home(r, h, lk), t)
            else:
                order(plat, holder, recip, rname, kind, h["canon"], render_home(r, h), t)

    for p in persons:
        if "absent_by_design" in p["flags"]: continue
        plats = [pl_ for pl_, pr in [("jdian", 0.65), ("pinhuo", 0.45)] if r.random() < pr]
        for pl_ in plats:
            n = r.randint(1, 2) if "recent_move" in p["flags"] else r.randint(2, 6)
            home_orders(p, pl_, n + (r.randint(1, 3) if p.get("old_home") else 0))
            if p["work"] and r.random() < 0.7:
                for _ in range(r.randint(1, 3)):
                    t = rand_t(r, work=True)
                    order(pl_, p, p, recip_name(r, p, None), "work", p["work"]["canon"], render_work(r, p["work"]), t)
        if "violator" in p["flags"]:
            pl_ = plats[0] if plats else "jdian"
            for _ in range(r.randint(1, 3)):
                t = rand_t(r); cat = r.choice(RESTR)
                holder = p; recip = p
                if p.get("spouse") and r.random() < 0.3: holder = p["spouse"]
                h, kind = home_at(p, t)
                order(pl_, holder, recip, recip["name"], kind, h["canon"], render_home(r, h), t, cat=cat,
                      amount=round(r.uniform(600, 12000), 2), deliv=r.random() < 0.5)
        sp = p.get("spouse")
        if sp and r.random() < 0.5:  # spouse's own orders: spouse holder, sometimes debtor as recipient
            for _ in range(r.randint(1, 3)):
                t = rand_t(r); h, kind = home_at(p, t)
                rc = p if r.random() < 0.3 else sp
                order("jdian", sp, rc, recip_name(r, rc, None), kind, h["canon"], render_home(r, h), t)
        # logistics
        if r.random() < 0.55:
            for _ in range(r.randint(1, 3)):
                t = rand_t(r); h, kind = home_at(p, t)
                st = r.choice(["快递柜", "驿站代收"]) if "locker_only" in p["flags"] else r.choice(["本人签收", "本人签收", "家人代签", "快递柜", "驿站代收"])
                waybill(lg, r, w, None, p, h, kind, t, st)
            if p["work"] and r.random() < 0.5:
                t = rand_t(r, work=True)
                waybill(lg, r, w, None, p, p["work"], "work", t, r.choice(["本人签收", "门卫代收"]))
            if r.random() < 0.2:
                t = rand_t(r); h, kind = home_at(p, t)
                waybill(lg, r, w, p, r.choice(strangers), None, "other", t, "本人签收", sender_home=h)
        # social
        if r.random() < 0.45:
            social(so, r, w, p)
    for o in orgs_list:
        if r.random() < 0.3:
            for _ in range(r.randint(1, 2)):
                waybill(lg, r, w, o, r.choice(strangers), None, "other", rand_t(r, work=True), "本人签收")
    return ec, so, lg, order, acct


def waybill(lg, r, w, sender, recv, place, kind, t, st, sender_home=None):
    car = r.choice(["sufeng", "jitu"])
    no = f"{car[:2].upper()}{r.randint(10**11, 10**12 - 1)}"
    rh = recv["home"] if place is None else place
    kind2 = "home" if place is None else kind
    if place is None and sender is not None: kind2 = "other"
    addr = render_work(r, rh) if kind == "work" else render_home(r, rh)
    if sender is not None and sender["kind"] == "organisation":
        sn, sp_, sa = sender["name"], sender["landline"] + r.choice(["-8001", "转602", ""]), f"{sender['city']}{sender['dist']}{r.choice(ROADS)}{r.randint(1, 300)}号"
    elif sender is not None:
        sn, sp_, sa = sender["name"], sender["phones"][0], render_home(r, sender_home)
    else:
        sn, sp_, sa = r.choice(["京东自营", "天猫超市", "某某旗舰店", "顺心商贸"]), f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}", r.choice(["广州市白云区", "义乌市", "东莞市虎门镇"]) + "仓库"
    signed = r.random() < 0.95
    sign = t + timedelta(hours=r.randint(24, 96))
    if sign > T1: sign = T1 + timedelta(minutes=r.randint(1, 50))
    rn = recv["name"]
    if r.random() < 0.4 and "·" not in rn: rn = rn[0] + "*" + (rn[-1] if len(rn) == 3 else "")
    rp = recv["phones"][0]
    if r.random() < 0.5: rp = rp[:3] + "****" + rp[-4:]
    row = dict(waybill_no=no, sender_name=sn, sender_phone=sp_, sender_address=sa, receiver_name=rn, receiver_phone=rp,
               receiver_address=addr, pickup_time=t, sign_time=sign if signed else None, sign_type=st if signed else None)
    door = signed and st in ("本人签收", "家人代签")
    rec = dict(source="logistics", platform=car, record_key=f"logistics|{car}|{no}", holder=None, recipient=None, receiver=recv["pid"],
               sender=sender["pid"] if sender is not None else None, dest_kind=kind2, dest_canonical=rh["canon"] if kind2 != "other" or place is None else None,
               delivered=signed, door=door, category=None, amount=None, ordered_at=None, order_id=None, dirt=None)
    if kind2 == "other": rec["dest_canonical"] = recv["home"]["canon"]
    lg[car].append((row, rec))


def social(so, r, w, p):
    plat = r.choice(["shequ", "dongtai"])
    h = p["home"]
    posts = []
    for _ in range(r.randint(0, 4)):
        t = rand_t(r)
        if h["kind"] == "urban":
            poi = (h["dist"] if r.random() < 0.5 else "") + h["xq"]
            a = f"{h['city']}{h['dist']}{h['road']}{h['xq']}"
        else:
            poi = h["town"] + h["vill"]; a = f"{h['city']}{h['dist']}{h['town']}{h['vill']}"
        posts.append({"ts": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"), "poi": poi} if plat == "shequ" else
                     {"ts": t.strftime("%Y-%m-%dT%H:%M:%S+08:00"), "poi": poi, "address": a})
    ipr = f"{h['prov']}{h['city']}" if r.random() < 0.7 else h["prov"]
    obj = {"uid": f"{plat[:2]}_{r.randint(10**6, 10**7)}", "nickname": r.choice(["天山雪莲", "老", "小", "快乐的", "追风"]) + r.choice(GIV) + str(r.randint(1, 99)),
           "real_name": p["name"] if r.random() < 0.5 else mask_name(r, p["name"], "mask"),
           "phone": p["phones"][-1] if r.random() < 0.6 else p["phones"][-1][:3] + "****" + p["phones"][-1][-4:],
           "profile_region": h["prov"].replace("维吾尔自治区", "").replace("省", "") + " " + h["city"][:-1],
           "logins": [{"ts": rand_t(r).strftime("%Y-%m-%dT%H:%M:%S+08:00"), "ip": f"{r.randint(36, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}", "ip_region": ipr} for _ in range(r.randint(1, 3))],
           "geo_posts": posts}
    v = r.random()
    if v < 0.4: obj["id_no"] = p["id_number"]
    elif v < 0.7: obj["id_no"] = p["id_number"][:6] + "********" + p["id_number"][-4:]
    elif v < 0.85: obj["id_no"] = None
    if plat == "shequ" and r.random() < 0.3: obj.pop("profile_region")
    rec = dict(source="social", platform=plat, record_key=f"social|{plat}|{obj['uid']}", holder=p["pid"], recipient=None, receiver=None, sender=None,
               dest_kind="none", dest_canonical=None, delivered=False, door=False, category=None, amount=None, ordered_at=None, order_id=None, dirt=None)
    so[plat].append((obj, rec))


def main():
    ap = argparse.ArgumentParser(); ap.add_argument("--out", required=True); ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debtors", type=int, default=2000); a = ap.parse_args()
    w, debtors, persons, strangers, cases = build(a.seed, a.debtors); r = w.r
    orgs = [d for d in debtors if d["kind"] == "organisation"]
    ec, so, lg, order, acct = orders_and_more(w, persons, strangers, orgs)
    DIRT_E = ["bad_date", "bad_amount", "missing_cols", "extra_cols", "formula", "control_chars", "long_string"]
    extra_files = {"bad_filename": [], "wrong_encoding": []}
    for s in strangers:
        for _ in range(r.randint(1, 3)):
            a0 = s.get("got_number", T0)
            t = rand_t(r, min(a0, T1 - timedelta(days=2)), T1)
            plat = r.choice(["jdian", "pinhuo"])
            dirt = r.choice(DIRT_E) if r.random() < 0.04 else None
            order(plat, s, s, s["name"], "home", s["home"]["canon"], render_home(r, s["home"]), t, dirt=dirt)
        if r.random() < 0.2: social(so, r, w, s)
    # a few stranger rows go to a badly named file and a wrong-encoding (UTF-8) file
    for k in extra_files:
        for _ in range(5):
            s = r.choice(strangers)
            order("jdian", s, s, s["name"], "home", s["home"]["canon"], render_home(r, s["home"]), rand_t(r), dirt=k)
            extra_files[k].append(ec["jdian"].pop())
    out = a.out
    if os.path.exists(out): shutil.rmtree(out)
    for sub in ["debtors", "ecommerce", "social", "logistics"]: os.makedirs(f"{out}/inbox/{sub}")
    os.makedirs(f"{out}/truth")
    records = []
    byp = {p["pid"]: p for p in w.people}
    # ---------------- e-commerce
    def write_csv(path, rows, enc, plat):
        buf = io.StringIO(); wr = csv.writer(buf, lineterminator="\r\n"); wr.writerow(ECOLS)
        for i, (row, rec) in enumerate(rows):
            vals = [row[c] for c in ECOLS]; d = rec["dirt"]
            if d == "bad_date": vals[8] = "2026/13/41 25:61:00"
            elif d == "bad_amount": vals[10] = "约三百元"
            elif d == "missing_cols": vals = vals[:7]
            elif d == "extra_cols": vals = vals + ["多余", "列"]
            elif d == "formula": vals[5] = '=HYPERLINK("http://x.example/a","点我领券")'
            elif d == "control_chars": vals[7] = vals[7][:6] + "\x07\x1b" + vals[7][6:]
            elif d == "long_string": vals[7] = vals[7] + "很" * 6000
            wr.writerow(vals)
            records.append(dict(rec, file=path.split("inbox/")[1], line=i + 2, dirty=d is not None and d != "wrong_encoding" or d == "wrong_encoding"))
        data = buf.getvalue().encode(enc)
        open(path, "wb").write(data)
    for plat, rows in ec.items():
        rows.sort(key=lambda x: x[1]["ordered_at"])
        write_csv(f"{out}/inbox/ecommerce/{plat}_orders_20261127.csv", rows, "gb18030", plat)
    write_csv(f"{out}/inbox/ecommerce/订单导出(1).csv", extra_files["bad_filename"], "gb18030", "jdian")
    write_csv(f"{out}/inbox/ecommerce/jdian_orders_20261120.csv", extra_files["wrong_encoding"], "utf-8", "jdian")
    # ---------------- social
    for plat, rows in so.items():
        path = f"{out}/inbox/social/{plat}_accounts_20261127.jsonl"; lines = []
        strs = [i for i, (o, rec) in enumerate(rows) if byp[rec["holder"]]["role"] in ("stranger", "namesake")]
        bad = set(r.sample(strs, min(4, len(strs))))
        last_str = strs[-1] if strs and strs[-1] == len(rows) - 1 else None
        for i, (obj, rec) in enumerate(rows):
            s = json.dumps(obj, ensure_ascii=False); d = None
            if i in bad: s = s[:-1].replace('"uid":', "uid:", 1); d = "not_json"
            if i == len(rows) - 1 and last_str is not None: s = s[: len(s) // 2]; d = "truncated_last_line"
            lines.append(s); records.append(dict(rec, file=path.split("inbox/")[1], line=i + 1, dirt=d, dirty=d is not None))
        txt = "\n".join(lines) + ("" if last_str is not None else "\n")
        open(path, "w", encoding="utf-8").write(txt)
    open(f"{out}/inbox/social/dongtai_accounts_20261120.jsonl", "w").close()
    # ---------------- logistics
    for car, rows in lg.items():
        rows.sort(key=lambda x: x[0]["pickup_time"])
        path = f"{out}/inbox/logistics/{car}_waybills_20261127.parquet"; out_rows = []
        for i, (row, rec) in enumerate(rows):
            d = None
            if rec["sender"] is None and byp[rec["receiver"]]["role"] in ("stranger", "namesake"):
                pass
            out_rows.append(row); records.append(dict(rec, file=path.split("inbox/")[1], line=i + 1, dirt=d, dirty=False))
        # stranger waybills with dirt appended
        for k in ["formula", "long_string", "control_chars"]:
            s = r.choice(strangers); t = rand_t(r)
            row = dict(waybill_no=f"{car[:2].upper()}{r.randint(10**11, 10**12 - 1)}", sender_name="某某旗舰店", sender_phone="400-800-1234",
                       sender_address="东莞市虎门镇仓库", receiver_name=s["name"], receiver_phone=s["phones"][0], receiver_address=render_home(r, s["home"]),
                       pickup_time=t, sign_time=t + timedelta(hours=30), sign_type="本人签收")
            if k == "formula": row["receiver_name"] = "@SUM(A1:A9)"
            elif k == "long_string": row["receiver_address"] += "号" * 5000
            else: row["receiver_name"] = s["name"][:1] + "\x00\x08" + s["name"][1:]
            out_rows.append(row)
            records.append(dict(source="logistics", platform=car, record_key=f"logistics|{car}|{row['waybill_no']}", holder=None, recipient=None,
                                receiver=s["pid"], sender=None, dest_kind="home", dest_canonical=s["home"]["canon"], delivered=True, door=True,
                                category=None, amount=None, ordered_at=None, order_id=None, dirt=k, dirty=True, file=path.split("inbox/")[1], line=len(out_rows)))
        sch = {c: pl.Utf8 for c in ["waybill_no", "sender_name", "sender_phone", "sender_address", "receiver_name", "receiver_phone", "receiver_address", "sign_type"]}
        sch.update(pickup_time=pl.Datetime("us"), sign_time=pl.Datetime("us"))
        pl.DataFrame(out_rows, schema=sch).select(list(out_rows[0].keys())).write_parquet(path)
    # ---------------- roster
    newest = {}
    for pv, stem in RFILE.items():
        cs = [c for c in cases if c["pv"] == pv]
        for date_tag in (["20261120", "20261127"] if pv in ("新", "粤") else ["20261127"]):
            buf = io.StringIO(); wr = csv.writer(buf, lineterminator="\n" if pv in "新晋吉" else "\r\n"); wr.writerow(RCOLS)
            for c in cs:
                d = byp[c["pid"]]; st = c["status"]
                if date_tag == "20261120" and st == "执行完毕" and (hash(c["case_no"]) % 2 == 0 or True) and int(c["amount"]) % 2: st = "执行中"
                idn = d["id_number"]
                if d["kind"] == "person":
                    if idn.endswith("X") and int(c["amount"]) % 2: idn = idn[:-1] + "x"
                    if int(c["amount"] * 100) % 50 == 0: idn = f"{idn[:6]} {idn[6:14]} {idn[14:]}"
                    v = r.random(); ph = []
                    if v < 0.35: ph = list(d["phones"])
                    elif v < 0.55 and d["old_phone"]: ph = [d["old_phone"]]
                    elif v < 0.7 and d["old_phone"]: ph = [d["old_phone"]] + d["phones"]
                    elif v < 0.8: ph = d["phones"][:1] + [f"0{r.choice(['991', '351', '431'])}-{r.randint(2000000, 8999999)}转{r.randint(100, 999)}"]
                    phs = r.choice([";", "；", "、", ","]).join(ph)
                    typ = "居民身份证"; hk = d["hukou"]
                else:
                    phs = d["landline"] if r.random() < 0.6 else ""; typ = "统一社会信用代码"; hk = ""
                amt = f"{c['amount']:,.2f}" if r.random() < 0.4 else f"{c['amount']:.2f}"
                wr.writerow([c["case_no"], c["court"], c["judge"], d["name"], typ, idn, phs, hk, amt, c["filing"].isoformat(),
                             "是" if c["restrict"] else "否", "是" if c["dishonest"] else "否", st])
            enc = "utf-8-sig" if pv in "新吉粤" else "utf-8"
            open(f"{out}/inbox/debtors/{stem}_roster_{date_tag}.csv", "w", encoding=enc, newline="").write(buf.getvalue())
    # ---------------- truth
    R = pl.DataFrame(records, infer_schema_length=None)
    clean = [x for x in records if not x["dirty"]]
    on = set(); homeD = set(); workN = {}
    for x in clean:
        for k in ("holder", "recipient", "receiver", "sender"):
            if x[k] is not None: on.add(x[k])
        if x["door"] and x["delivered"]:
            for k in ("holder", "recipient", "receiver"):
                pid = x[k]
                if pid is None: continue
                p = byp[pid]
                if p["kind"] != "person": continue
                if x["dest_kind"] == "home" and x["dest_canonical"] == p["home"]["canon"]: homeD.add(pid)
                if x["dest_kind"] == "work" and p["work"] and x["dest_canonical"] == p["work"]["canon"]:
                    workN.setdefault(pid, set()).add(x["record_key"])
    cby = {}
    for c in cases: cby.setdefault(c["pid"], []).append(c)
    drows = []
    for d in debtors:
        isp = d["kind"] == "person"
        drows.append(dict(id_number=d["id_number"], name=d["name"], kind=d["kind"], open=any(c["status"] != "执行完毕" for c in cby[d["pid"]]),
                          on_platforms=d["pid"] in on, absent=d["pid"] not in on, has_home_delivery=d["pid"] in homeD,
                          home_address=d["home"]["canon"] if isp else None, work_address=d["work"]["canon"] if isp and d["work"] else None,
                          n_work=len(workN.get(d["pid"], ())), current_phones=list(d["phones"]) if isp else []))
    pl.DataFrame(drows, schema=dict(id_number=pl.Utf8, name=pl.Utf8, kind=pl.Utf8, open=pl.Boolean, on_platforms=pl.Boolean, absent=pl.Boolean,
                                    has_home_delivery=pl.Boolean, home_address=pl.Utf8, work_address=pl.Utf8, n_work=pl.Int64,
                                    current_phones=pl.List(pl.Utf8))).write_parquet(f"{out}/truth/debtors.parquet")
    vio = []
    for x in clean:
        if x["source"] != "ecommerce" or x["category"] not in RESTR: continue
        for who, byh in ((x["holder"], True), (x["recipient"], False)):
            pass
        tgt = {}
        if x["holder"] is not None: tgt[x["holder"]] = True
        if x["recipient"] is not None and x["recipient"] not in tgt: tgt[x["recipient"]] = False
        for pid, byh in tgt.items():
            for c in cby.get(pid, []):
                if c["status"] != "执行完毕" and c["restrict"] and x["ordered_at"].date() > c["filing"]:
                    vio.append(dict(id_number=byp[pid]["id_number"], case_no=c["case_no"], platform=x["platform"], order_id=x["order_id"],
                                    ordered_at=x["ordered_at"], category=x["category"], amount=float(x["amount"]), by_holder=byh))
    pl.DataFrame(vio, schema=dict(id_number=pl.Utf8, case_no=pl.Utf8, platform=pl.Utf8, order_id=pl.Utf8, ordered_at=pl.Datetime("us"),
                                  category=pl.Utf8, amount=pl.Float64, by_holder=pl.Boolean)).write_parquet(f"{out}/truth/violations.parquet")
    prow = []
    for p in w.people:
        prow.append(dict(pid=p["pid"], role=p["role"], kind=p["kind"], household=p["household"], name=p["name"], id_number=p["id_number"],
                         home=p["home"]["canon"] if p.get("home") else None, old_home=p["old_home"]["canon"] if p.get("old_home") else None,
                         move_date=p.get("move_date"), work=p["work"]["canon"] if p.get("work") else None, phones=list(p.get("phones") or []),
                         old_phone=p.get("old_phone"), phone_change=p.get("phone_change"), hukou=p.get("hukou"),
                         spouse=p["spouse"]["pid"] if p.get("spouse") else None, flags=list(p.get("flags") or [])))
    pl.DataFrame(prow, infer_schema_length=None).write_parquet(f"{out}/truth/people.parquet")
    R = R.with_columns(pl.col("dirt").cast(pl.Utf8)).select(["file", "line", "source", "platform", "record_key", "holder", "recipient", "receiver", "sender",
                                                            "dest_kind", "dest_canonical", "delivered", "door", "dirty", "dirt", "category", "amount", "ordered_at", "order_id"])
    R.write_parquet(f"{out}/truth/records.parquet")
    pl.DataFrame([dict(case_no=c["case_no"], court=c["court"], pid=c["pid"], id_number=byp[c["pid"]]["id_number"], filing=c["filing"], status=c["status"],
                       restrict=c["restrict"], dishonest=c["dishonest"]) for c in cases]).write_parquet(f"{out}/truth/cases.parquet")
    print(f"people {len(w.people)} records {len(records)} dirty {int(R['dirty'].sum())} violations {len(vio)}")


if __name__ == "__main__":
    main()
