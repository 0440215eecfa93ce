"""Invented-name material: surnames, given-name characters, pinyin, nicknames.

Every person in the world is assembled from these lists; no real person is modelled.
"""

# surname:pinyin:weight  (weights roughly follow frequency, with a long tail)
_SURNAMES = """王:Wang:60 李:Li:58 张:Zhang:55 刘:Liu:45 陈:Chen:42 杨:Yang:30 黄:Huang:25 赵:Zhao:24
吴:Wu:22 周:Zhou:22 徐:Xu:18 孙:Sun:16 马:Ma:15 朱:Zhu:14 胡:Hu:14 郭:Guo:13 何:He:12 高:Gao:12
林:Lin:12 罗:Luo:11 郑:Zheng:11 梁:Liang:10 谢:Xie:9 宋:Song:9 唐:Tang:9 许:Xu:8 韩:Han:8 冯:Feng:8
邓:Deng:8 曹:Cao:7 彭:Peng:7 曾:Zeng:7 肖:Xiao:7 田:Tian:6 董:Dong:6 袁:Yuan:6 潘:Pan:6 蒋:Jiang:6
蔡:Cai:6 余:Yu:5 杜:Du:5 叶:Ye:6 程:Cheng:5 苏:Su:5 魏:Wei:5 吕:Lv:5 丁:Ding:5 沈:Shen:5 姚:Yao:4
卢:Lu:4 姜:Jiang:4 崔:Cui:3 钟:Zhong:4 谭:Tan:3 陆:Lu:4 汪:Wang:4 范:Fan:3 金:Jin:4 石:Shi:3 廖:Liao:3
夏:Xia:3 方:Fang:3 邹:Zou:3 孟:Meng:2 熊:Xiong:2 邱:Qiu:2 江:Jiang:2 应:Ying:3 茹:Ru:2 缪:Miao:1
楼:Lou:2 虞:Yu:1 屠:Tu:1 戚:Qi:1 童:Tong:2 骆:Luo:1 鲍:Bao:1 翁:Weng:2 柯:Ke:1 阮:Ruan:1 蒲:Pu:1
欧阳:Ouyang:2 司马:Sima:1 诸葛:Zhuge:1 上官:Shangguan:1 皇甫:Huangfu:1 东方:Dongfang:1 慕容:Murong:1
令狐:Linghu:1 端木:Duanmu:1 尉迟:Yuchi:1"""

SURNAMES = []  # (surname, pinyin, weight)
for tok in _SURNAMES.split():
    s, p, w = tok.split(":")
    SURNAMES.append((s, p, int(w)))

# given-name characters: char:pinyin:gender(m/f/u)
_GIVEN = """伟:wei:m 强:qiang:m 磊:lei:m 军:jun:m 勇:yong:m 杰:jie:m 涛:tao:m 斌:bin:m 超:chao:m 明:ming:m
刚:gang:m 平:ping:u 辉:hui:m 鹏:peng:m 华:hua:u 飞:fei:m 鑫:xin:m 波:bo:m 宇:yu:m 浩:hao:m 凯:kai:m
健:jian:m 俊:jun:m 帆:fan:m 帅:shuai:m 旭:xu:m 宁:ning:u 龙:long:m 林:lin:u 峰:feng:m 建:jian:m
国:guo:m 志:zhi:m 海:hai:m 东:dong:m 文:wen:u 亮:liang:m 成:cheng:m 荣:rong:u 新:xin:u 春:chun:u
芳:fang:f 娜:na:f 敏:min:f 静:jing:f 丽:li:f 艳:yan:f 娟:juan:f 霞:xia:f 燕:yan:f 玲:ling:f 婷:ting:f
雪:xue:f 慧:hui:f 莉:li:f 萍:ping:f 红:hong:f 梅:mei:f 琳:lin:f 颖:ying:f 倩:qian:f 洁:jie:f 佳:jia:u
琴:qin:f 云:yun:u 英:ying:f 兰:lan:f 秀:xiu:f 晶:jing:f 丹:dan:f 萌:meng:f 璐:lu:f 瑶:yao:f 欣:xin:f
子:zi:u 雨:yu:u 思:si:u 嘉:jia:u 梓:zi:u 晨:chen:u 一:yi:u 可:ke:u 安:an:u 心:xin:f 怡:yi:f 博:bo:m
睿:rui:m 泽:ze:m 航:hang:m 鸣:ming:m 永:yong:m 德:de:m 福:fu:m 金:jin:u 桂:gui:f 玉:yu:f"""

GIVEN = []  # (char, pinyin, gender)
for tok in _GIVEN.split():
    c, p, g = tok.split(":")
    GIVEN.append((c, p, g))

# names written with a middle dot (Uyghur / Kazakh style): (given, family, pinyin, gender)
DOT_NAMES_M = [("阿卜杜拉", "Abdulla"), ("买买提", "Memet"), ("艾力", "Eli"), ("努尔", "Nur"),
               ("吐尔逊", "Tursun"), ("阿迪力", "Adil"), ("热合曼", "Rahman"), ("伊力哈木", "Ilham")]
DOT_NAMES_F = [("古丽娜尔", "Gulnar"), ("热依拉", "Reyila"), ("阿依古丽", "Aygul"), ("帕提古丽", "Patigul"),
               ("迪丽娜", "Dilina"), ("玛依拉", "Mayila")]
DOT_FATHERS = [("买买提", "Memet"), ("吐尔逊", "Tursun"), ("艾力", "Eli"), ("卡德尔", "Kadir"),
               ("阿不都", "Abdu"), ("司马义", "Ismail"), ("托合提", "Toxti")]

NICK_EN = ["Tony", "Lily", "Kevin", "Coco", "Jack", "Amy", "Leo", "Vicky", "kk", "Sunny", "Echo", "Mike"]
NICK_WORDS = ["宝宝", "小可爱", "大宝", "亲爱的", "老公", "老婆", "妈妈", "老爸", "收件人", "前台", "仓库", "店长"]
SOCIAL_NICK_A = ["海边的", "爱吃鱼的", "快乐的", "不睡觉的", "山里的", "追风的", "安静的", "老实的", "江南", "西湖边的"]
SOCIAL_NICK_B = ["猫", "小鱼", "大叔", "阿姨", "少年", "老王", "石头", "月亮", "行者", "胖子"]

COMPOUND_A = ["金色", "阳光", "锦绣", "翠苑", "海棠", "紫荆", "星河", "御景", "枫林", "香樟", "桂花", "滨江",
              "东方", "世纪", "绿洲", "春江", "湖畔", "半岛", "云栖", "丹桂", "银河", "凤凰", "龙湖", "荷塘",
              "景秀", "清水", "怡和", "嘉禾", "华府", "明珠", "德胜", "新城", "汇丰", "盛世", "天韵", "碧水"]
COMPOUND_B = ["花园", "家园", "小区", "苑", "府", "公寓", "新村", "名邸", "雅苑", "嘉园", "华庭", "水岸"]
BJ_COMPOUND_B = ["里", "园", "家园", "小区", "西里", "北里", "东区"]
TOWER_A = ["华星", "创业", "万达", "汇金", "国贸", "环球", "中天", "世贸", "财富", "时代", "科创", "银泰", "恒隆", "智慧"]
TOWER_B = ["大厦", "中心", "广场", "国际", "写字楼", "商务楼", "科技园"]
SHOP_WORDS = ["鑫", "顺", "发", "隆", "兴", "旺", "达", "源", "信", "泰", "宏", "盛", "恒", "丰", "瑞"]
INDUSTRY = ["贸易", "建材", "服饰", "电子科技", "模具", "机械", "餐饮管理", "装饰工程", "网络科技", "物流",
            "塑料制品", "五金", "纺织品", "汽车服务", "食品"]
STORE_NAMES = ["品质生活旗舰店", "优选家居专营店", "数码官方旗舰店", "鲜果坊", "童趣母婴店", "运动户外专营店",
               "美妆小铺", "图书音像店", "汽车用品店", "萌宠之家", "服饰工厂店", "厨具专营店"]

CN_NUM = "零一二三四五六七八九十"


def cn_small(n):
    """1..99 as Chinese numerals (三, 十二, 二十三)."""
    if n <= 10:
        return CN_NUM[n] if n < 10 else "十"
    if n < 20:
        return "十" + CN_NUM[n - 10]
    t, o = divmod(n, 10)
    return CN_NUM[t] + "十" + (CN_NUM[o] if o else "")
