"""Text repair: the damage in the seeds is fixed, the wording is kept."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.reading.normalize import plain, repair_text

from .conftest import FIXTURES

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
LETTER_SPACED = re.compile(r"(?:\b\w ){6,}")
DETACHED_MARK = re.compile(r"\s[\u0300-\u036f]")


def repaired(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return repair_text(path.read_text(encoding="utf-8"))


def test_letter_spaced_lines_are_collapsed():
    text = repaired("003")
    assert "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan, Ủy ban nhân dân các xã, thị trấn" in text
    assert "cá nhân và cộng đồng xã hội về công tác xã hội và nghề công tác xã hội." in text
    assert "C h ủ" not in text


def test_detached_marks_are_joined():
    text = repaired("003")
    assert "có hoạt động cung cấp" in text
    assert "bị bạo lực, bỏ học, vi phạm pháp luật" in text
    assert "hoa ̣t" not in text and not DETACHED_MARK.search(text)


def test_sentences_broken_over_blank_lines_are_rejoined():
    assert "tỉnh Tuyên Quang tại Văn bản số 249/SLĐTBXH-XH ngày 03/3/2022 về việc tổ chức các hoạt động" in repaired("003")
    assert "căn cứ vào điều kiện cụ thể tổ chức" in repaired("001")
    assert "đồng bào dân tộc thiểu số" in repaired("004")


def test_structure_and_genuine_typos_are_kept():
    text = repaired("003")
    assert "\n\n2. Trung tâm Y tế huyện\n\nChỉ đạo các cơ sở" in text
    assert "- Huyện đoàn Sơn Dương;\n- Phòng Lao động" in text
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text
    for typo in ("tuyền truyền", "điểu kiện", "rỗi nhiễu tâm trí"):
        assert typo in text
    assert "Làm đầu mối đơn đốc" in repaired("001")


def test_list_items_split_by_blank_lines_form_one_list():
    assert "- Chủ tịch UBND huyện (Báo cáo);\n- Đ/c PCT UBND huyện phụ trách VHXH;" in repaired("003")


def test_wrapped_list_item_is_joined():
    assert "- Các Phòng: Lao động - Thương binh và Xã hội, Giáo dục và Đào tạo; Y tế;" in repaired("002")


def test_no_seed_keeps_extraction_damage():
    for path in SEEDS:
        text = repair_text(path.read_text(encoding="utf-8"))
        assert not LETTER_SPACED.search(text), path.name
        assert not DETACHED_MARK.search(text), path.name
        assert unicodedata.is_normalized("NFC", text), path.name


def test_crlf_tabs_and_page_numbers():
    assert repair_text("Dòng một\r\n\r\n\t12\r\n\r\nDòng hai.") == "Dòng một\n\nDòng hai.\n"


def letter_space(text: str) -> str:
    """Space out a line the way broken PDF extraction does."""
    return "  ".join(" ".join(word) for word in text.split(" "))


def test_plain_drops_emphasis():
    assert plain("với chủ đề “**Công tác xã hội**” và *in nghiêng*") == "với chủ đề “Công tác xã hội” và in nghiêng"


vietnamese_words = st.lists(
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ",
            min_size=1, max_size=7),
    min_size=8, max_size=30,
)


@given(vietnamese_words)
def test_letter_spacing_roundtrips(words):
    assume(sum(len(w) == 1 for w in words) < len(words) // 2)  # real sentences are not mostly "ở ý à"
    sentence = " ".join(words)
    assert repair_text(letter_space(sentence)) == sentence + "\n"


@settings(max_examples=300)
@given(st.text())
def test_repair_never_raises_is_nfc_and_idempotent(text):
    once = repair_text(text)
    assert unicodedata.is_normalized("NFC", once)
    assert repair_text(once) == once


@given(st.lists(st.sampled_from([
    "Kính gửi:", "- Sở Y tế;", "1. Phòng Lao động", "a) Tổ chức", "hoa \u0323t động", "C h ủ  t r ì ,  p h ố i",
    "", "", "tỉnh Tuyên", "Quang tại", "KT. CHỦ TỊCH", "12", "**Số: /UBND**", "## 2. Tổ chức thực hiện:",
]), max_size=25))
def test_repair_is_idempotent_on_document_like_text(lines):
    once = repair_text("\n".join(lines))
    assert repair_text(once) == once
