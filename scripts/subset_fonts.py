#!/usr/bin/env python3
"""Build the small CJK font that ships with Hebei 1935.

The full Noto Serif CJK collection is tens of megabytes, far too much to
keep in the repository.  The game only ever shows a few hundred distinct
Chinese/Japanese characters (names of people, places, documents), so this
script cuts the font down to exactly those characters plus a built-in
reserve, and writes ``assets/fonts/NotoSerifCJK-subset.otf``.

Characters are gathered from:

* every ``*.yaml`` / ``*.yml`` file under ``scenarios/``,
* every ``*.py`` file under ``game/``,
* every ``*.md`` file under ``docs/``,
* every ``*.json`` file under ``assets/map/`` (place-name labels),
* the constants ``FACT_SHEET_CHARS`` and ``EXTRA_WORDS`` below, so names
  that are likely to appear later are already covered,
* printable ASCII, Latin-1 and a few pinyin/typographic marks, so that a
  mixed label such as "北平 (Peiping)" can be drawn with this one face.

Usage (from anywhere; paths are resolved relative to the repository)::

    python scripts/subset_fonts.py
    python scripts/subset_fonts.py --source /path/to/NotoSerifCJK-Regular.ttc
    python scripts/subset_fonts.py --face SC --output /tmp/test.otf

On Debian/Ubuntu the source font comes from ``apt-get install
fonts-noto-cjk``.  The output is deterministic for a given source font and
character set, so rerunning the script without changes leaves the file
byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "assets" / "fonts" / "NotoSerifCJK-subset.otf"
FONT_SEARCH_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/opentype/noto-cjk"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
    Path("/usr/share/fonts/OTF"),
    Path("/usr/local/share/fonts"),
)
# File names tried in order inside each search directory.  A .ttc collection
# holds all regional faces; a single .otf already is the wanted face.
SOURCE_CANDIDATES = (
    "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJKtc-Regular.otf",
    "NotoSerifTC-Regular.otf",
    "NotoSerifCJK-Regular.otf",
)
FACES = ("TC", "HK", "SC", "JP", "KR")

# Every CJK character found in the project's history fact sheet
# (shared/history/he-umezu-1935.md) when this script was written.  Kept
# inline so the script never has to read anything outside the repository.
FACT_SHEET_CHARS = (
    "、《》「」『』のアジ・一丁万上下与中为之乎书争事二于云井交产京亭人仁今介付代令以"
    "件伐会传佐何使俊保俞倫假元兆先光克公兵其冀内再军冷凤凰利务助務勝勤勵化北匪华协協"
    "南危历厚原及口古台史合吉员周和員哲唐商啓喜国图國土地坛坦坻堂報塘増壽多大天奉委孔"
    "字孙孝学孫學安宋宗官定宛实家密察寧寶少尚局居屯山岡峰島州帯平年应廉廣延廷式弘张張"
    "录征徐德徽志応忠恩情慶應成戦戰承抗振探揭擴支政敏敦敬整文料新无日昌明春是景書曾會"
    "月有本朱杉李杜杨杰東松析林枫案桓梅樾橋權次欽正武歷殷毅毛民永汝江汪河治沽洛津浪海"
    "源溝溥漢潼瀋瀘灤熊熙營獨王理琬生田申留略疑白百的皇皓盧省真睦知石研磨磯社祥福科秘"
    "秦程究立竑竟签篷精純縣绍统继维网美義考耕聿肥背胡舟良苑茅萬蒋蔣蘆蘭行街衛装補襄西"
    "覚討諤订记论话谋谔谷豐賊賢贺资軍辛达近通逾道遵那邦郎郛鄭酒銘錦钦長關闲闻陕院陽隆"
    "雲震非順須飛館馆香駐駿驥高鮑麗麟黃黄"
)

# A reserve of words the game is likely to print: people, places, bodies and
# documents of 1935 (traditional forms first, simplified and Japanese forms
# where they differ), dates and numerals, and a handful of interface words.
# Whitespace is ignored; only the characters matter.
EXTRA_WORDS = """
    何應欽 何应钦 敬之 梅津美治郎 酒井隆 高橋坦 高桥坦 于學忠 于学忠
    蔣介石 蒋介石 蔣中正 委員長 委员长 汪精衛 汪精卫 汪兆銘 汪兆铭
    黃郛 黄郛 宋哲元 商震 萬福麟 万福麟 張廷諤 张廷谔 蔣孝先 蒋孝先
    曾擴情 曾扩情 關麟征 关麟征 黃杰 黄杰 杜聿明 秦德純 秦德纯 程克
    土肥原賢二 土肥原贤二 南次郎 廣田弘毅 广田弘毅 岡田啓介 冈田启介
    有吉明 杉山元 磯谷廉介 矶谷廉介 多田駿 多田骏 殷汝耕 孫永勤 孙永勤
    胡恩溥 白逾桓 張厚琬 张厚琬 丁昌 何一飛 何一飞 岡村寧次 冈村宁次
    熊斌 唐有壬 孔祥熙 袁良 王克敏 陳布雷 陈布雷 趙登禹 赵登禹
    松井源之助 川越茂 溥儀 溥仪 張學良 张学良 蔣廷黻 蒋廷黻
    北平 北京 天津 塘沽 大沽 保定 山海關 山海关 秦皇島 秦皇岛 古北口
    密雲 密云 喜峰口 冷口 遵化 灤縣 滦县 灤河 滦河 唐山 通州 通縣 通县
    豐台 丰台 南苑 盧溝橋 卢沟桥 宛平 張北 张北 張家口 张家口 獨石口
    独石口 承德 熱河 热河 察哈爾 察哈尔 河北 冀東 冀东 延慶 延庆 昌平
    高麗營 高丽营 順義 顺义 香河 寶坻 宝坻 林亭口 寧河 宁河 蘆台 芦台
    錦州 锦州 新京 長春 长春 奉天 瀋陽 沈阳 南京 漢口 汉口 鄭州 郑州
    洛陽 洛阳 徐州 潼關 潼关 西安 蘭州 兰州 瀘定 泸定 東京 东京 多倫
    多伦 居仁堂 中南海 懷柔 怀柔 平谷 三河 薊縣 蓟县 玉田 豐潤 丰润
    遷安 迁安 盧龍 卢龙 撫寧 抚宁 臨榆 临榆 昌黎 樂亭 乐亭 灤平 滦平
    興隆 兴隆 黃河 黄河 長城 长城 海河 渤海 山東 山东 遼寧 辽宁 八達嶺
    八达岭 居庸關 居庸关 南口 廊坊 豐潤 滄州 沧州 石家莊 石家庄 太原
    綏遠 绥远 歸綏 归绥 內蒙古 内蒙古 上海 漢口 武漢 武汉 廣州 广州
    廣西 广西 廣東 广东 重慶 重庆 貴陽 贵阳 雲南 云南
    滿洲國 满洲国 滿洲 满洲 關東軍 关东军 支那駐屯軍 支那驻屯军 天津軍
    日本 中國 中国 中華民國 中华民国 國民黨 国民党 國民政府 国民政府
    行政院 外交部 軍政部 军政部 參謀本部 参谋本部 陸軍 陆军 海軍 海军
    軍事委員會 军事委员会 北平分會 北平分会 政務整理委員會 政务整理委员会
    憲兵第三團 宪兵第三团 藍衣社 蓝衣社 復興社 复兴社 勵志社 励志社
    政治訓練處 政治训练处 黨部 党部 第五十一軍 第五十一军 第二師 第二师
    第二十五師 第二十五师 第三十二軍 第二十九軍 第二十九军 中央軍 中央军
    東北軍 东北军 保安隊 保安队 非武裝區 非武装区 停戰區 停战区 戰區 战区
    何梅協定 何梅协定 梅津何應欽協定 梅津・何応欽協定 塘沽協定 塘沽协定
    秦土協定 秦土协定 覺書 覚書 觉书 備忘錄 备忘录 敦睦邦交令 通牒
    最後通牒 最后通牒 抗議 抗议 照會 照会 聲明 声明 大使館 大使馆
    領事館 领事馆 公使館 公使馆 武官 輔佐官 辅佐官 參謀長 参谋长 司令官
    少佐 中佐 大佐 少將 少将 中將 中将 大將 大将 上校 中校 少校 將軍 将军
    主席 市長 市长 省政府 省長 省长 委員 委员 部長 部长 院長 院长 總統 总统
    民國二十四年 昭和十年 〇一二三四五六七八九十廿卅百千萬万億亿零兩两
    年月日時时分秒週周星期上午下午正午午夜凌晨夜晚早晨
    是否確認确认取消開始开始繼續继续保存儲存读取讀取載入载入退出結束结束
    返回選擇选择設定设定設置设置音量全螢幕全屏暫停暂停說明说明幫助帮助
    電報电报密電密电會議会议談判谈判拒絕拒绝接受讓步让步拖延簽字签字
    蓋章盖章撤退撤兵撤離撤离進攻进攻防守戰爭战争和平危機危机事件局勢局势
    決定决定命令報告报告情報情报新聞新闻報紙报纸輿論舆论南京政府中央地方
    的一是不了人我在有他這这中大來来上國国個个到說说們们為为子和你地出道也
    時时年得就那要下以生會会自着著去之過过家學学對对可她裡里后後小麼么心多
    天而能好都然沒没日於于起還还發发成事只作當当想看文無无開开手十用主行方
    又如前所本見见經经頭头面公同三已老從从動动兩两長长知民樣样現现分將将外
    但身些與与高意進进把法此實实回二理美點点月明其種种聲声全工己話话兒儿者
    向情部正名定女問问力機机給给等幾几很業业最間间新什打便位因重被走電电四
    第門门相次東东政海口使教西再平真聽听世氣气信北少關关並并內内加化由卻却
    代軍军產产入先山五太水萬万市眼體体別别處处總总才場场師师書书比住員员九
    笑性通目華华報报立馬马命張张活難难神數数件安表原車车白應应路期叫死常提
    感金何更反合放做系計计或司利受光王果親亲界及今京務务制解各任至清物台象
    記记邊边共風风戰战干接它許许八特覺觉望直服毛林題题結结指易轉转條条往跟
    色社陽阳士城石領领夜統统品府完改呢度言交讓让照早保南管議议語语讀读寫写
    錯错遠远近快慢黑紅红青藍蓝綠绿春夏秋冬雨雪雲云父母兄弟姊妹妻朋友請请謝
    谢歡迎欢迎今天明天昨天現在以前以後時候問題事情國家人民軍隊军队士兵將領
    條約条约協議协议簽订外交領土领土主權主权獨立独立自治統一抵抗妥協妥协屈辱
    恥辱耻辱愛國爱国民族救國救国學生学生遊行游行示威罷工罢工抵制日貨日货記者
    消息秘密間諜间谍暗殺暗杀刺殺刺杀槍枪炮飛機飞机坦克鐵路铁路火車火车車站车
    站港口船艦舰兵力師團师团旅團旅团聯隊联队團營营連连排班司令部總部总部指揮
    指挥部隊部队增援調動调动集結集结進駐进驻佔領占领包圍包围威脅威胁壓力压力
    要求條件期限答覆答复同意反對反对考慮考虑商量決心責任责任犧牲牺牲危險危险
    安全秩序治安警察憲兵宪兵維持维持穩定稳定混亂混乱衝突冲突事變事变局面形勢
    形势機會机会成功失敗失败勝利胜利歷史历史記錄记录檔案档案文件密碼密码電話
    电话信件計劃计划策略方針方针政策原則原则立場立场態度态度意見意见建議建议
    支持信任懷疑怀疑憤怒愤怒擔心担心希望失望忍耐冷靜冷静勇氣勇气榮譽荣誉尊嚴
    尊严名譽名誉聲望声望民心士氣士气經濟经济財政财政銀行银行稅税錢钱元圓圆糧
    食粮食物資物资天氣天气晴陰阴熱热橋桥湖牆墙樓楼房村鎮镇縣县區区線线邊境
    边境關口关口要塞據點据点陣地阵地前線前线後方后方遊戲游戏存檔存档選項选项
    難度难度分數分数得分回合階段阶段章節节頁页確定确定壞坏假
    """

# Non-CJK characters always kept so mixed strings render with one face.
LATIN_KEEP = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "".join(chr(c) for c in range(0xA0, 0x100))
    + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀĒĪŌŪ"
    + "‐‑‒–—―‘’‚“”„†‡•…‰′″‹›※№→←↑↓≈±×÷°§"
    # the tick the window's debrief marks a decision history also took with (the Latin faces
    # lack it); its cross, U+2717, is in no Noto CJK face and is drawn as × (game/ui/text.py)
    + "✓"
)


def is_cjk(ch: str) -> bool:
    """True for Han ideographs, kana, CJK punctuation and fullwidth forms."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x2FDF  # radicals supplement, Kangxi radicals
        or 0x3000 <= cp <= 0x303F  # CJK symbols and punctuation
        or 0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= cp <= 0x31FF  # katakana phonetic extensions
        or 0x3200 <= cp <= 0x33FF  # enclosed CJK, CJK compatibility
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x4E00 <= cp <= 0x9FFF  # unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= cp <= 0xFFEF  # halfwidth and fullwidth forms
        or 0x20000 <= cp <= 0x3FFFF  # extensions B and later
    )


def project_files(root: Path) -> list[Path]:
    """Text files of the project whose CJK characters must be covered."""
    patterns = (
        ("scenarios", "*.yaml"),
        ("scenarios", "*.yml"),
        ("game", "*.py"),
        ("docs", "*.md"),
        ("assets/map", "*.json"),
    )
    found: set[Path] = set()
    for folder, pattern in patterns:
        base = root / folder
        if base.is_dir():
            found.update(p for p in base.rglob(pattern) if p.is_file())
    return sorted(found)


def collect_characters(root: Path) -> tuple[set[str], dict[str, int]]:
    """Return (CJK characters from the project, per-file character counts)."""
    chars: set[str] = set()
    per_file: dict[str, int] = {}
    for path in project_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            print(f"warning: could not read {path}: {exc}", file=sys.stderr)
            continue
        here = {c for c in text if is_cjk(c)}
        if here:
            per_file[str(path.relative_to(root))] = len(here)
        chars |= here
    return chars, per_file


# Whole small blocks kept in full: CJK punctuation, both kana syllabaries
# and the fullwidth ASCII/halfwidth punctuation forms.  They are cheap and
# save surprises when a writer uses an unusual mark or a Japanese term.
FULL_BLOCKS = (
    (0x3000, 0x303F),
    (0x3041, 0x3096),  # hiragana (0x3097-0x3098 are unassigned)
    (0x3099, 0x30FF),  # kana marks, katakana
    (0xFF01, 0xFF65),
)


def builtin_characters() -> set[str]:
    text = FACT_SHEET_CHARS + EXTRA_WORDS
    chars = {c for c in text if is_cjk(c)}
    for first, last in FULL_BLOCKS:
        chars.update(chr(cp) for cp in range(first, last + 1))
    return chars


def find_source() -> Path | None:
    for folder in FONT_SEARCH_DIRS:
        for name in SOURCE_CANDIDATES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def other_cjk_fonts() -> list[Path]:
    """CJK fonts present on the machine, to suggest when Serif is missing."""
    hits: list[Path] = []
    for folder in FONT_SEARCH_DIRS:
        if folder.is_dir():
            hits.extend(sorted(folder.glob("*CJK*")))
    return hits


def pick_face_number(path: Path, face: str) -> tuple[int, str]:
    """Index of the wanted regional face inside a .ttc (0 for a plain font)."""
    from fontTools.ttLib import TTCollection

    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0, path.name
    collection = TTCollection(str(path), lazy=True)
    names = []
    try:
        for index, font in enumerate(collection.fonts):
            ps_name = font["name"].getDebugName(6) or ""
            names.append(ps_name)
            # PostScript names look like "NotoSerifCJKtc-Regular".
            if f"CJK{face.lower()}-" in ps_name or ps_name.endswith(f"{face}-Regular"):
                return index, ps_name
    finally:
        collection.close()
    raise LookupError(f"no '{face}' face in {path} (faces found: {', '.join(names) or 'none'})")


def build_subset(source: Path, font_number: int, text: str):
    """Subset the font and return (bytes, glyph count, missing characters)."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.font_number = font_number
    options.hinting = False  # pygame/FreeType renders CJK fine unhinted
    options.desubroutinize = False
    options.name_IDs = ["*"]  # keep copyright / licence strings
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # deterministic output
    # fontTools' default feature list plus vertical writing forms, minus
    # 'locl': in a TC face 'locl' only points at the Japanese, Korean,
    # simplified and Hong Kong variants, which would nearly double the glyph
    # count for shapes the game never asks for.  ("*" would be worse still.)
    features = set(options.layout_features) | {"vert", "vrt2", "vkna"}
    options.layout_features = sorted(features - {"locl"})

    font = TTFont(
        str(source),
        fontNumber=font_number,
        lazy=True,
        recalcBBoxes=options.recalc_bounds,
        recalcTimestamp=False,
    )
    cmap = font.getBestCmap() or {}
    missing = sorted(c for c in text if ord(c) not in cmap)

    subsetter = subset.Subsetter(options=options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    glyphs = len(font.getGlyphOrder())
    buffer = io.BytesIO()
    font.save(buffer)
    font.close()
    return buffer.getvalue(), glyphs, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Subset Noto Serif CJK to the characters Hebei 1935 uses."
    )
    parser.add_argument(
        "--source",
        type=Path,
        help="Noto CJK font to cut down (.ttc or .otf); "
        "default: auto-detect NotoSerifCJK-Regular.ttc under "
        "/usr/share/fonts/opentype/noto/",
    )
    parser.add_argument(
        "--face",
        default="TC",
        choices=FACES,
        help="regional face to take from a .ttc collection (default: TC, "
        "traditional Chinese glyph shapes)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the subset (default: {DEFAULT_OUTPUT.relative_to(REPO_ROOT)})",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=REPO_ROOT,
        help="repository root to scan for characters (default: this repository)",
    )
    parser.add_argument(
        "--show-chars",
        action="store_true",
        help="also print every CJK character that goes into the subset",
    )
    args = parser.parse_args(argv)

    try:
        import fontTools  # noqa: F401
    except ImportError:
        print(
            "error: fontTools is not installed (pip install fonttools).",
            file=sys.stderr,
        )
        return 2

    source = args.source or find_source()
    if source is None or not source.is_file():
        if args.source is not None:
            print(f"error: source font not found: {args.source}", file=sys.stderr)
        else:
            searched = ", ".join(str(d) for d in FONT_SEARCH_DIRS)
            print(
                "error: could not find Noto Serif CJK "
                f"({' / '.join(SOURCE_CANDIDATES)}) in: {searched}",
                file=sys.stderr,
            )
        print(
            "hint: on Debian/Ubuntu run 'apt-get install fonts-noto-cjk', "
            "or pass --source PATH to a Noto CJK .ttc/.otf file.",
            file=sys.stderr,
        )
        others = other_cjk_fonts()
        if others:
            print("CJK fonts that are present:", file=sys.stderr)
            for path in others:
                print(f"  {path}", file=sys.stderr)
        return 1

    root = args.root.resolve()
    project_chars, per_file = collect_characters(root)
    builtin = builtin_characters()
    cjk_chars = project_chars | builtin
    text = "".join(sorted(cjk_chars | set(LATIN_KEEP)))

    try:
        font_number, face_name = pick_face_number(source, args.face)
        data, glyphs, missing = build_subset(source, font_number, text)
    except Exception as exc:  # report font problems without a traceback
        print(f"error: could not subset {source}: {exc}", file=sys.stderr)
        return 1

    output = args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    previous = output.read_bytes() if output.is_file() else None
    changed = previous != data
    if changed:
        output.write_bytes(data)

    print(f"source:     {source} (face #{font_number}, {face_name})")
    print(f"scanned:    {len(project_files(root))} project files under {root}")
    for name, count in sorted(per_file.items()):
        print(f"            {name}: {count} distinct CJK characters")
    new_from_project = project_chars - builtin
    print(
        f"characters: {len(cjk_chars)} CJK ({len(builtin)} built-in, "
        f"{len(project_chars)} found in project files, "
        f"{len(new_from_project)} of those not in the built-in set) "
        f"+ {len(set(LATIN_KEEP))} Latin/punctuation"
    )
    if new_from_project:
        print(f"            new from project: {''.join(sorted(new_from_project))}")
    if missing:
        shown = "".join(missing)
        codes = " ".join(f"U+{ord(c):04X}" for c in missing)
        print(f"warning:    {len(missing)} characters not in the source font: {shown} ({codes})")
    if args.show_chars:
        print(f"CJK set:    {''.join(sorted(cjk_chars))}")
    size = len(data)
    rel = output.resolve()
    if rel.is_relative_to(REPO_ROOT):
        rel = rel.relative_to(REPO_ROOT)
    print(f"glyphs:     {glyphs} in the subset")
    print(
        f"output:     {rel}  {size:,} bytes ({size / 1024 / 1024:.2f} MiB), "
        f"sha256 {hashlib.sha256(data).hexdigest()[:16]}" + ("" if changed else "  [unchanged]")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
