"""Search keys: full pinyin, initials, surnames read as surnames, Latin runs kept whole."""

from childcare_desktop.core.domain.search import name_keys, normalize_query, search_text


def test_full_pinyin_and_initials():
    assert name_keys("张小明") == ("zhangxiaoming", "zxm")


def test_surnames_are_read_as_surnames():
    assert name_keys("曾静")[0] == "zengjing"
    assert name_keys("单田芳")[1] == "stf"


def test_latin_letters_and_minority_names():
    assert name_keys("Amy李") == ("amyli", "al")
    assert name_keys("阿依古丽·买买提")[1].startswith("aygl")


def test_the_search_text_carries_name_pinyin_initials_and_id_number():
    assert search_text("张小明", "44148120150302001X") == (
        "张小明|zhangxiaoming|zxm|44148120150302001x"
    )
    assert normalize_query(" Zhang Xiao ") == "zhangxiao"
