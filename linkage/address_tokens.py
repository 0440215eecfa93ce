"""Keyword tables used by :mod:`linkage.addresses`.

Kept apart from the parser so that the lists can be extended without touching logic.
All entries are simplified Chinese, half-width, as produced by the normaliser.
"""
from __future__ import annotations

# Pick-up points, longest phrases first.  kind: locker | station | gatehouse.
PICKUP_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("丰巢快递柜", "locker"),
    ("中集E栈", "locker"),
    ("中集e栈", "locker"),
    ("格格货栈", "locker"),
    ("收件宝", "locker"),
    ("E栈", "locker"),
    ("e栈", "locker"),
    ("云柜", "locker"),
    ("丰巢智能柜", "locker"),
    ("中邮速递易", "locker"),
    ("速递易", "locker"),
    ("快递柜", "locker"),
    ("智能柜", "locker"),
    ("自提柜", "locker"),
    ("快件柜", "locker"),
    # '智能快件箱', '智能信包箱': the lockers' own names on many estates.
    ("智能快件箱", "locker"),
    ("快件箱", "locker"),
    ("智能信包箱", "locker"),
    ("信包箱", "locker"),
    ("快递箱", "locker"),
    ("丰巢柜", "locker"),
    ("丰巢", "locker"),
    ("菜鸟驿站", "station"),
    ("妈妈驿站", "station"),
    ("快递驿站", "station"),
    ("邮政驿站", "station"),
    ("京东驿站", "station"),
    ("驿站", "station"),
    ("熊猫快收", "station"),
    ("快递收发点", "station"),
    ("收发点", "station"),
    ("兔喜生活", "station"),
    ("兔喜快递", "station"),
    ("兔喜", "station"),
    ("快递超市", "station"),
    ("快递代收", "station"),
    ("代收点", "station"),
    ("自提点", "station"),
    ("快递点", "station"),
    ("快递站", "station"),
    ("收货点", "station"),
    ("门卫室", "gatehouse"),
    ("门卫处", "gatehouse"),
    ("门卫", "gatehouse"),
    ("传达室", "gatehouse"),
    ("收发室", "gatehouse"),
    ("保安室", "gatehouse"),
    ("保安亭", "gatehouse"),
    ("保安岗亭", "gatehouse"),
    ("岗亭", "gatehouse"),
    ("值班室", "gatehouse"),
    # The estate office takes parcels as a gatehouse does (never a home, nor a workplace
    # of the recipient's); '物业公司' alone is a firm and is left to the workplace words.
    ("物业服务中心", "gatehouse"),
    ("物业管理中心", "gatehouse"),
    ("物业服务处", "gatehouse"),
    ("物业管理处", "gatehouse"),
    ("物业服务站", "gatehouse"),
    ("物业办公室", "gatehouse"),
    ("物业中心", "gatehouse"),
    ("物业办", "gatehouse"),
    ("物业处", "gatehouse"),
    ("物业代收", "gatehouse"),
    ("物业前台", "gatehouse"),
    ("快递包裹站", "station"),
    ("包裹站", "station"),
    ("快递服务站", "station"),
    ("近邻宝", "locker"),
    # A shop at the estate gate that takes in the residents' parcels ('门口红旗超市代收',
    # '小卖部代收点'), and a group-buying leader's pick-up ('团长家自提').
    ("门口便民超市", "station"),
    ("门口小卖部", "station"),
    ("门口便利店", "station"),
    ("门口超市", "station"),
    ("代收", "station"),
    ("自提", "station"),
)
# Keywords that are a pick-up point only at the end of the address ('…代收', '…自提点',
# not '代收货款有限公司').
PICKUP_AT_END = frozenset({"代收", "自提"})

# Courier, locker and group-buying brands written before a pick-up word: '京东快递柜',
# '韵达快递点', '中通驿站', '递易智能柜', '多多驿站', '优选自提点', '社区团购自提点'.  Left in
# the text they would become part of the estate's name ('雪域苑2期优选'), and the
# pick-up point would no longer support the home in its estate.
PICKUP_BRANDS = (r"(?:京东|中通|圆通|申通|韵达|顺丰|极兔|百世|邮政|EMS|德邦|天天|日日顺|递易|多多买菜|多多|"
                 r"兴盛优选|美团优选|橙心优选|美团|优选|社区团购|团购|淘菜菜|十荟团|团长家|团长|"
                 r"门口[\u4e00-\u9fff]{0,4}?(?:超市|便利店|小卖部|商店)|小卖部|便利店|便民超市)")

# Lines of business that end a firm's name (字号 + 行业 + 组织形式, the legal form often
# dropped: '宁波东方五金', '温州万达纺织').
BUSINESS_LINES = (
    r"(?:五金|电器|电子|机械|阀门|纺织|服饰|鞋业|塑业|汽配|印刷|包装|针织|制衣|化工|机电|电机|模具|灯饰|"
    r"眼镜|工贸|实业|贸易|科技|制品|材料|设备|工艺|食品|家具|建材|布艺)"
)

# Trades whose name ends a shop's or an office's ('西坪餐馆', '华联超市', '立信会计师事务所'):
# a workplace word, and a firm at its street number.
SHOP_TRADES = r"酒店|宾馆|旅馆|餐馆|饭馆|餐厅|茶馆|超市|药房|诊所|发廊|网吧|营业厅|事务所"

# Words that mark a shop / office / factory / market: the place is a workplace.
# A road named after one ('商城巷', '市场路', '工业园大道') says nothing about the door on it.
WORKPLACE_PATTERN = (
    r"(?:市场|商城|商场|商贸城|商业城|轻纺城|批发|鞋都|电子世界|电子城|数码城|商位|(?:五金|小商品|服装|面料|家具|建材|电器|汽配|眼镜|纺织|布料)城|公司|集团|写字楼|商务中心|金融中心|商务楼|商务大厦|办公|摊位|号铺|商铺|店铺|门市|门面|"
    r"商行|经营部|门市部|工作室|工厂|厂房|车间|厂区|仓库|库房|工业园|工业区|产业园|科技园|科学园|创业园|孵化|园区|SOHO|"
    r"医院|卫生院|学校|银行|" + SHOP_TRADES + r")(?![路街巷道]|大道)|"
    r"店(?![村镇乡街路里桥头口])|(?<![村])厂(?![村路街镇乡桥口头])|"
    r"(?:广场|中心|商厦|大楼)[^,]{0,12}?\d+(?:号|室|铺|层|楼|F)|"
    r"大厦[^,]{0,12}?\d+(?:层|楼|室|F)|"
    # '国际' names estates as often as office towers: an office only with a room in a
    # lettered tower or in no numbered block ('万达国际B座2609室', '时代国际14层1413室'); a
    # numbered block ('3幢501室', '2号楼501室') may be a home.
    r"国际(?:[A-Z]座)?(?:\d{1,2}(?:层|楼|F)-?)?\d{3,5}室|"
    # A firm without its legal form at a street number: '骆兴路595号宁波东方五金'.
    r"(?:号|#)[\u4e00-\u9fff]{2,6}" + BUSINESS_LINES + "$"
)

# Premises that are a market: its stalls are numbered within the market (or within its
# district, '一区' / 'B区' / '二期' / '1号楼').  An aisle '21街' between the district and
# the stall number is a walkway, not part of the door: '国际商贸城一区21街38772号' is stall
# 38772 of 国际商贸城一区, as '国际商贸城1区38772号商位' is.
MARKET_WORDS = (
    r"(?:市场|商贸城|商业城|商城|商场|百货|轻纺城|批发城|小商品城|鞋都|电子世界|电子城|数码城|商业街|"
    r"(?:五金|服装|面料|家具|建材|电器|汽配|眼镜|纺织|布料|机电)城)"
)
# Premises that are an office building: a bare number right after the name is a room
# ('银泰商务楼708', '创业国际1414杭州顺瑞模具商行'), as '银泰商务楼708室' is.  Estate
# words ('花园', '家园', '公寓') are not here: 'XX花园708' may be any building's flat 708.
OFFICE_WORD_LIST = ("大厦", "商务楼", "写字楼", "办公楼", "商务中心", "金融中心", "中心", "广场", "国际", "科技园",
                    "科学园", "创业园", "产业园", "孵化园", "商厦", "大楼", "SOHO塔", "SOHO")
OFFICE_WORDS = "(?:" + "|".join(OFFICE_WORD_LIST) + ")"

# Text in brackets / after a comma that is a delivery instruction, not address.
JUNK_PATTERN = (
    r"(?<![解开])放|电话|联系|送货|送到|送至|送上|打我|打电话|请|勿|谢谢|麻烦|周末|周一|周六|周日|工作日|节假日|"
    r"上班|下班|时间|签收|收件|不要|不用|随便|任意|可以|之前|之后|以后|以前|点前|点后|"
    r"备注|提前|到了|敲门|尽快|加急|靠近|附近|对面|旁边|隔壁|近|家里有人|家中有人|有人在家|"
    r"上午|下午|中午|晚上|白天|电联|在家|"
    # a landmark to find it by: '（宏岸超市对过）', '（光源中学东边）', '（锦坊学校南邻）'
    r"对过|对门|[东南西北](?:边|侧|邻)|往[东南西北]|后身|后面"
)

# Suffixes that make a free-standing name a housing estate / premises.
# A firm's name after a street number (a shop, a factory, a hotel): not an estate.
FIRM_SUFFIX_PATTERN = (
    r"(?:公司|集团|厂|商行|经营部|门市部|工作室|饭店|" + SHOP_TRADES + r"|[^村镇街路]店|分店|加工点|"
    # A part of a works at a street number: '永宁西路295号仓库', '中山东路10号厂区'.
    r"仓库|库房|厂区|厂房|车间|"
    # A firm written without its legal form, ending in its line of business (字号 + 行业):
    # '骆兴路595号宁波东方五金', '天目山路357号杭州永兴电器'.
    r"[\u4e00-\u9fff]{2}" + BUSINESS_LINES + ")"
    # ... and a department of it: '立信电子厂行政部'.
    r"(?:行政部|人事部|财务部|销售部|采购部|技术部|市场部|业务部|生产部|办公室|前台)?$"
)

COMMUNITY_SUFFIX_PATTERN = (
    r"(?:小区|社区|家园|花园|花苑|园|苑|府|公寓|新村|村|大厦|大楼|公馆|山庄|名邸|邸|庭|湾|阁|居|"
    r"城|坊|里|广场|中心|宿舍|住宅区|别墅|庄园|国际|天地|时代|一品|1号|\d+期|\d+区|[东南西北中]区|"
    r"商城|市场|大院|院|舍|寓|墅|郡|湖畔|公社|街区|学院|大学|中学|小学|医院|公司|厂|店|宾馆|酒店|基地)$"
)

# Descriptors between a community and its pick-up point: '金色家园东门菜鸟驿站'.
GATE_SUFFIX_PATTERN = (
    r"(?:[东西南北正侧后前]{1,2}(?:大)?门(?:口)?|门口|大门|小门|[东西南北]侧|"
    r"\d+(?:号楼|幢|栋)?楼下|楼下|一楼|底商|旁边?|边上|对面|隔壁|附近|内|里面|外面|门岗|"
    r"(?<=村)村口|(?<=[村镇])口|路口|入口|出口|地下车库|车库|停车场|地下室)+$"
)

# Old names of districts (county re-designations and merges).  Maps old full name to
# (province, city, current district).
DISTRICT_ALIASES: dict[str, tuple[str, str, str]] = {
    "绍兴县": ("浙江省", "绍兴市", "柯桥区"),
    "上虞市": ("浙江省", "绍兴市", "上虞区"),
    "萧山市": ("浙江省", "杭州市", "萧山区"),
    "余杭市": ("浙江省", "杭州市", "余杭区"),
    "余杭县": ("浙江省", "杭州市", "余杭区"),
    "富阳市": ("浙江省", "杭州市", "富阳区"),
    "富阳县": ("浙江省", "杭州市", "富阳区"),
    "临安市": ("浙江省", "杭州市", "临安区"),
    "临安县": ("浙江省", "杭州市", "临安区"),
    "下城区": ("浙江省", "杭州市", "拱墅区"),
    "江干区": ("浙江省", "杭州市", "上城区"),
    "奉化市": ("浙江省", "宁波市", "奉化区"),
    "江东区": ("浙江省", "宁波市", "鄞州区"),
    "鄞县": ("浙江省", "宁波市", "鄞州区"),
    "洞头县": ("浙江省", "温州市", "洞头区"),
    "黄岩县": ("浙江省", "台州市", "黄岩区"),
    "椒江市": ("浙江省", "台州市", "椒江区"),
    "吴兴县": ("浙江省", "湖州市", "吴兴区"),
    "南浔镇": ("浙江省", "湖州市", "南浔区"),
    "衢县": ("浙江省", "衢州市", "衢江区"),
    "金华县": ("浙江省", "金华市", "金东区"),
    "定海县": ("浙江省", "舟山市", "定海区"),
    "龙港镇": ("浙江省", "温州市", "龙港市"),
    "闸北区": ("上海市", "上海市", "静安区"),
    "卢湾区": ("上海市", "上海市", "黄浦区"),
    "南汇区": ("上海市", "上海市", "浦东新区"),
    "崇文区": ("北京市", "北京市", "东城区"),
    "宣武区": ("北京市", "北京市", "西城区"),
    # Suzhou's old town, merged into 姑苏区 in 2012 (still on ID cards and in habits).
    "平江区": ("江苏省", "苏州市", "姑苏区"),
    "沧浪区": ("江苏省", "苏州市", "姑苏区"),
    "金阊区": ("江苏省", "苏州市", "姑苏区"),
    # Guiyang's 金阳新区 became 观山湖区 in 2012.
    "金阳新区": ("贵州省", "贵阳市", "观山湖区"),
    # Short names in everyday use.
    "昆区": ("内蒙古自治区", "包头市", "昆都仑区"),
    "沙区": ("重庆市", "重庆市", "沙坪坝区"),
    "萨区": ("黑龙江省", "大庆市", "萨尔图区"),
    "让区": ("黑龙江省", "大庆市", "让胡路区"),
    # Wuxi's old town, merged into 梁溪区 in 2015.
    "崇安区": ("江苏省", "无锡市", "梁溪区"),
    "南长区": ("江苏省", "无锡市", "梁溪区"),
    "北塘区": ("江苏省", "无锡市", "梁溪区"),
    # Counties made districts: 双流 (2015), 郫县 (郫都, 2016), 安县 (安州, 2016), 宝鸡县 (陈仓,
    # 2003), 九江县 (柴桑, 2017); 九江's 庐山区 was renamed 濂溪区 in 2016 (not 庐山市, the old 星子县).
    "双流县": ("四川省", "成都市", "双流区"),
    "郫县": ("四川省", "成都市", "郫都区"),
    "安县": ("四川省", "绵阳市", "安州区"),
    "宝鸡县": ("陕西省", "宝鸡市", "陈仓区"),
    "九江县": ("江西省", "九江市", "柴桑区"),
    "庐山区": ("江西省", "九江市", "濂溪区"),
    # 洛阳's 吉利区 was merged into 孟津区 in 2021; 汕头's 潮阳市 and 澄海市 are districts since
    # 2003, 珠海's 斗门县 since 2001, 烟台's 牟平县 since 1995.
    "吉利区": ("河南省", "洛阳市", "孟津区"),
    "潮阳市": ("广东省", "汕头市", "潮阳区"),
    "澄海市": ("广东省", "汕头市", "澄海区"),
    "斗门县": ("广东省", "珠海市", "斗门区"),
    "牟平县": ("山东省", "烟台市", "牟平区"),
    # 南通's 港闸区 was merged into 崇川区 in 2020.
    "港闸区": ("江苏省", "南通市", "崇川区"),
}

# Old names of districts that are also a current district's name elsewhere (乌鲁木齐's
# 新市区) or were several cities' (上海's and 天津's 南市区): read only after their city.
# 保定's 新市区 became 竞秀区 in 2015, and its 北市区 and 南市区 were merged into 莲池区.
CITY_DISTRICT_ALIASES: dict[str, tuple[str, str, str]] = {
    "新市区": ("河北省", "保定市", "竞秀区"),
    "北市区": ("河北省", "保定市", "莲池区"),
    "南市区": ("河北省", "保定市", "莲池区"),
    # 泸州's 市中区 was renamed 江阳区 in 1995 (济南, 枣庄, 乐山 and 内江 have one now), also
    # written with the city's 市 once ('泸州市中区').
    "市中区": ("四川省", "泸州市", "江阳区"),
    "中区": ("四川省", "泸州市", "江阳区"),
    # 蚌埠's 东市区, 中市区 and 西市区 were renamed 龙子湖区, 蚌山区 and 禹会区 in 2004.
    "东市区": ("安徽省", "蚌埠市", "龙子湖区"),
    "中市区": ("安徽省", "蚌埠市", "蚌山区"),
    "西市区": ("安徽省", "蚌埠市", "禹会区"),
    # and its 郊区 became 淮上区 (other cities had or have a 郊区 of their own: 铜陵, 阳泉).
    "郊区": ("安徽省", "蚌埠市", "淮上区"),
    # 焦作's 孟县 has been 孟州市 since 1996.
    "孟县": ("河南省", "焦作市", "孟州市"),
    # 淮安's 清河区 and 清浦区 became 清江浦区 in 2016 (铁岭 has a 清河区 of its own), its 楚州区 is
    # 淮安区 since 2012; 邢台's 桥东区 and 桥西区 were renamed 襄都区 and 信都区 in 2020 (张家口
    # has a 桥东区 and a 桥西区 now); 永州's 芝山区 is 零陵区 since 2005.
    "清浦区": ("江苏省", "淮安市", "清江浦区"),
    "清河区": ("江苏省", "淮安市", "清江浦区"),
    "楚州区": ("江苏省", "淮安市", "淮安区"),
    "桥东区": ("河北省", "邢台市", "襄都区"),
    "桥西区": ("河北省", "邢台市", "信都区"),
    "芝山区": ("湖南省", "永州市", "零陵区"),
    # 铜陵's 铜官山区 and 狮子山区 were merged into 铜官区 in 2015, and its 铜陵县 became 义安区.
    "铜官山区": ("安徽省", "铜陵市", "铜官区"),
    "狮子山区": ("安徽省", "铜陵市", "铜官区"),
    "铜陵县": ("安徽省", "铜陵市", "义安区"),
}

# What a natural village's name ends with, after its village's ('南栾湾村王庄', '新塘村邓家屋场',
# Hunan and Jiangxi; '杨林村黄家埭', Jiangsu; '姚山村陈家湾', Hubei; Zhejiang's 坞 and 岙;
# Sichuan's '马河村韩家院子', Shaanxi's '新水村常家堡', Jiangxi's and Hubei's '双水村敬家畈').
# Jiangsu's south also names them by a pond, a head, a homestead or a creek ('马杭村陈家塘',
# '北坪村蒋家头', '小疃村周家宅', '西沟村钱家浜').
NATURAL_VILLAGE_SUFFIX = r"(?:村|庄|湾|屋场|埭|坞|岙|院子|堡|畈|围|厝|寮|塘|头|宅|浜|墩|圩)"
# ... of which those a village (administrative or natural) is named with and then takes a 村 as
# its writer pleases ('前庄村' = '前庄', '后塘村' = '后塘'): keyed without it.
NAMED_PLACE_SUFFIX = r"(?:庄|湾|塘|头|宅|浜|墩|圩|堡|埭|坞|岙|畈|围|厝|寮|屋场)"

# A village's natural village or group after the village's name ('岸兜村' + '顶社', '卢屋村' +
# '下屋组', '平福村' + '那马坡').
VILLAGE_PART_PATTERN = r"[\u4e00-\u9fff]{0,3}(?:组|社|坡|屯)"

# Development zones that span districts but lie in one city, written alone for it
# ('五象新区五象大道391号'): the city, as '南宁市五象新区…' is.
ZONE_CITIES: dict[str, tuple[str, str]] = {
    "五象新区": ("广西壮族自治区", "南宁市"),
    "郑东新区": ("河南省", "郑州市"),
    "两江新区": ("重庆市", "重庆市"),
    # 武汉's 汉口 spans 江岸, 江汉 and 硚口 ('武汉市汉口硚口区…', '汉口常青花园').
    "汉口": ("湖北省", "武汉市"),
    # 长沙's 湘江新区 spans 岳麓, 望城 and part of 宁乡.
    "湘江新区": ("湖南省", "长沙市"),
    # 成都's 天府新区 spans 双流, 龙泉驿 and 新津 (the gazetteer lists it as a district).
    "天府新区": ("四川省", "成都市"),
    # 九江's 八里湖新区, also written '八里湖' before an estate's name (not '八里湖大道').
    "八里湖新区": ("江西省", "九江市"),
    "八里湖": ("江西省", "九江市"),
    # 景德镇's 昌南新区 spans 昌江区 and 浮梁县.
    "昌南新区": ("江西省", "景德镇市"),
}

# Development zones whose name stands for one district: (written form after the city's
# name, which may be left out where noted) -> the district.  '苏州高新区' is administered as
# 虎丘区 (and was '苏州新区'); 'the park' of Suzhou is 苏州工业园区; Guiyang's '金阳' is the old
# 金阳新区, now 观山湖区.  Zones that span districts (郑东新区, 合肥's 政务区, 南京's 江北新区)
# are not here: they key at the city, the zone dropped from the estate's name.
ZONE_DISTRICTS: dict[str, tuple[str, ...]] = {
    "苏州市虎丘区": ("苏州高新区", "苏州市高新区", "苏州新区", "苏州市新区", "苏州高新技术产业开发区"),
    "苏州市苏州工业园区": ("苏州市工业园区", "苏州园区", "苏州市园区"),
    "贵阳市观山湖区": ("贵阳市金阳新区", "贵阳金阳新区", "贵阳市金阳", "贵阳金阳"),
    # 南京's 河西 (河西新城) is 建邺区, as everyone there says; not '河西大街'.
    "南京市建邺区": ("南京市河西新城", "南京河西新城", "南京市河西", "南京河西"),
    # 长沙's 星沙 is 长沙县 (its seat); 河西, the bank across the 湘江, is 岳麓区 in 长沙 and
    # 天元区 in 株洲; 无锡新区 became 新吴区 in 2015.
    "长沙市长沙县": ("长沙市星沙", "长沙星沙"),
    "长沙市岳麓区": ("长沙市河西", "长沙河西"),
    "株洲市天元区": ("株洲市河西", "株洲河西"),
    "无锡市新吴区": ("无锡市新区", "无锡新区", "无锡市高新区", "无锡高新区"),
    # 绵阳's 高新区 was carved out of 涪城区 and its 科创区 (科技城) lies in 游仙区; 宝鸡's 高新区
    # is in 渭滨区.
    "绵阳市涪城区": ("绵阳市高新区", "绵阳高新区"),
    "绵阳市游仙区": ("绵阳市科创区", "绵阳科创区"),
    "宝鸡市渭滨区": ("宝鸡市高新区", "宝鸡高新区"),
    # 珠海's 横琴新区 (a zone with its own court) and 高新区 (唐家湾) lie in 香洲区; 洛阳's 洛南新区
    # is 洛龙区 and its 高新区 涧西区; 烟台's 开发区 adjoins 福山区 and its 高新区 is in 莱山区
    # (the gazetteer lists the 开发区 as a district of its own); 银川's 阅海湾 CBD is in 金凤区.
    # 横琴新区 and 洛南新区 are unique names and are read without their city too.
    "珠海市香洲区": ("珠海市横琴新区", "珠海横琴新区", "横琴新区", "珠海市高新区", "珠海高新区", "珠海市唐家湾",
                     "珠海唐家湾"),
    "洛阳市洛龙区": ("洛阳市洛南新区", "洛阳洛南新区", "洛南新区", "洛阳市洛南", "洛阳洛南"),
    "洛阳市涧西区": ("洛阳市高新区", "洛阳高新区"),
    "烟台市福山区": ("烟台市经济技术开发区", "烟台经济技术开发区", "烟台市开发区", "烟台开发区"),
    "烟台市莱山区": ("烟台市高新区", "烟台高新区"),
    "银川市金凤区": ("银川市阅海湾中央商务区", "银川阅海湾中央商务区", "银川市阅海湾", "银川阅海湾"),
    # 南通's 开发区 (a zone with its own court) lies along 崇川区; 惠州's 仲恺高新区 (also '仲恺' or
    # '江北' after the city) was carved out of 惠城区 and 大亚湾 out of 惠阳区; 莆田's 湄洲湾北岸
    # out of 秀屿区; 泸州's 高新区 lies in 龙马潭区 and 景德镇's in 昌江区.  仲恺高新区, 大亚湾 and
    # 湄洲湾北岸 are unique names and are read without their city too.
    "南通市崇川区": ("南通市经济技术开发区", "南通经济技术开发区", "南通市开发区", "南通开发区"),
    "惠州市惠城区": ("惠州市仲恺高新区", "惠州仲恺高新区", "仲恺高新区", "惠州市仲恺", "惠州仲恺", "惠州市江北",
                     "惠州江北"),
    "惠州市惠阳区": ("惠州市大亚湾经济技术开发区", "惠州大亚湾经济技术开发区", "大亚湾经济技术开发区",
                     "惠州市大亚湾开发区", "惠州大亚湾开发区", "大亚湾开发区", "惠州市大亚湾", "惠州大亚湾", "大亚湾"),
    "莆田市秀屿区": ("莆田市湄洲湾北岸经济开发区", "湄洲湾北岸经济开发区", "莆田市湄洲湾北岸", "莆田湄洲湾北岸",
                     "湄洲湾北岸"),
    "泸州市龙马潭区": ("泸州市高新区", "泸州高新区"),
    "景德镇市昌江区": ("景德镇市高新区", "景德镇高新区"),
    # 常州's 国家高新区 is 新北区 (its seat) and 武进's 高新区 and 经济开发区 lie in 武进区; 蚌埠's 高新区
    # is in 禹会区 and its 经开区 in 龙子湖区; 临汾's 开发区 in 尧都区, 汉中's 经开区 in 汉台区; 威海's
    # 火炬高技术产业开发区 (高区), 经济技术开发区 (经区) and 临港区 were carved out of 环翠区 (the
    # gazetteer lists the 高区 and 临港区 as districts of their own).
    "常州市新北区": ("常州市国家高新区", "常州国家高新区", "常州市高新区", "常州高新区"),
    "常州市武进区": ("常州市武进国家高新区", "常州武进国家高新区", "武进国家高新区", "常州市武进高新区", "常州武进高新区",
                     "武进高新区", "常州市武进经济开发区", "武进经济开发区", "常州市经开区", "常州经开区"),
    "蚌埠市禹会区": ("蚌埠市高新区", "蚌埠高新区"),
    "蚌埠市龙子湖区": ("蚌埠市经开区", "蚌埠经开区", "蚌埠市经济开发区", "蚌埠经济开发区"),
    "临汾市尧都区": ("临汾市经济开发区", "临汾经济开发区", "临汾市开发区", "临汾开发区"),
    "汉中市汉台区": ("汉中市经济开发区", "汉中经济开发区", "汉中市经开区", "汉中经开区"),
    "威海市环翠区": ("威海市火炬高技术产业开发区", "威海火炬高技术产业开发区", "火炬高技术产业开发区", "威海市高区",
                     "威海高区", "威海市经济技术开发区", "威海经济技术开发区", "威海市经区", "威海经区",
                     "威海市临港经济技术开发区", "威海临港经济技术开发区", "威海市临港区", "威海临港区"),
    # 厦门's island and mainland halves (岛内 = 思明 and 湖里): the city, as written.
    "厦门市": ("厦门市岛内", "厦门岛内", "厦门市岛外", "厦门岛外"),
    # Zones that lie across districts or whose district I cannot tell from here: the city, so
    # that the zone is no part of the estate's name ('焦作市示范区绿岸建材市场').  焦作's 城乡一体化
    # 示范区 and 高新区, 自贡's 高新区, 滁州's 经开区 and 苏滁现代产业园, 丹东's 新区 and 边境经济合作区,
    # 日照's 经济技术开发区 and 山海天旅游度假区; the 经济技术开发区 of 铜陵, 萍乡, 安顺 and 鹤壁.
    "焦作市": ("焦作市城乡一体化示范区", "焦作城乡一体化示范区", "焦作市示范区", "焦作示范区", "焦作市高新区",
               "焦作高新区", "焦作市高新技术产业开发区", "焦作高新技术产业开发区"),
    "自贡市": ("自贡市高新技术产业开发区", "自贡高新技术产业开发区", "自贡市高新区", "自贡高新区"),
    "滁州市": ("滁州市经济技术开发区", "滁州经济技术开发区", "滁州市经开区", "滁州经开区", "滁州市苏滁现代产业园",
               "滁州苏滁现代产业园", "苏滁现代产业园", "滁州市苏滁产业园", "苏滁产业园"),
    "丹东市": ("丹东市新区", "丹东新区", "丹东市边境经济合作区", "丹东边境经济合作区", "丹东市边合区", "丹东边合区"),
    # 安顺's 黄果树 scenic area lies in 镇宁.
    "安顺市镇宁布依族苗族自治县": ("安顺市黄果树旅游区", "安顺黄果树旅游区", "黄果树旅游区", "安顺市黄果树风景区",
                                   "黄果树风景区"),
    "铜陵市": ("铜陵市经济技术开发区", "铜陵经济技术开发区", "铜陵市开发区", "铜陵开发区"),
    "萍乡市": ("萍乡市经济技术开发区", "萍乡经济技术开发区", "萍乡市开发区", "萍乡开发区"),
    "安顺市": ("安顺市经济技术开发区", "安顺经济技术开发区", "安顺市开发区", "安顺开发区"),
    "鹤壁市": ("鹤壁市经济技术开发区", "鹤壁经济技术开发区", "鹤壁市开发区", "鹤壁开发区"),
    "日照市": ("日照市经济技术开发区", "日照经济技术开发区", "日照市经开区", "日照经开区", "日照市开发区", "日照开发区",
               "日照市山海天旅游度假区", "日照山海天旅游度假区", "日照市山海天", "日照山海天"),
}

# A district's colloquial area written between the district and an estate's name,
# '建邺区河西碧泰' = '建邺区碧泰': not part of the estate's name.
DISTRICT_AREAS: dict[str, tuple[str, ...]] = {
    "建邺区": ("河西新城", "河西"),
    # 日照's seaside resort, '东港区山海天阳丰御府'.
    "东港区": ("山海天旅游度假区", "山海天度假区", "山海天"),
}

# Counties that moved to another prefecture, still written under the old one: county -> (the old
# city's short name, the new city).  枞阳县 left 安庆 for 铜陵 in 2015; 巢湖's counties went to
# 合肥, 芜湖 and 马鞍山 in 2011 (all in 安徽).
MOVED_COUNTIES: dict[str, tuple[str, str]] = {
    "枞阳县": ("安庆", "铜陵市"),
    "庐江县": ("巢湖", "合肥市"),
    "无为县": ("巢湖", "芜湖市"),
    "和县": ("巢湖", "马鞍山市"),
    "含山县": ("巢湖", "马鞍山市"),
}

# Everyday short names of prefectures that are not the gazetteer's short form.
CITY_ALIASES: dict[str, tuple[str, str]] = {
    "版纳": ("云南省", "西双版纳傣族自治州"),
    # 淮安 was 淮阴市 until 2001 (its 淮阴区 is the old city's suburb).
    "淮阴市": ("江苏省", "淮安市"),
}

# Short forms that are too generic to be trusted as a district on their own.
GENERIC_SHORTS = frozenset(
    {"经开区", "高新区", "城区", "郊区", "管理区", "市中", "市直辖", "省直辖", "新区", "矿区",
     "开发区", "工业区", "示范区", "新城", "风景区", "林区", "农场", "园区"}
)
