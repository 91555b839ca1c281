"""Shapes of new documents, one rule each: tables of tasks, decimal outlines, articles,
several units in one paragraph."""

from __future__ import annotations

from generator.reading.extract import extract
from generator.reading.normalize import repair_text

CELL_BY_CELL = """\
II. NỘI DUNG VÀ PHÂN CÔNG

TT
Nội dung
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
1
Tuyên truyền trên hệ thống truyền thanh,
Cổng thông tin điện tử huyện
Trung tâm Văn hóa -
Truyền thông huyện
Phòng Văn hóa và Thông
tin
Tháng 3/2022
2
Báo cáo kết quả thực hiện về UBND huyện
(qua Phòng Nội vụ)
UBND các xã, thị
trấn
Các cơ quan, đơn vị liên
quan
Trước ngày
31/3/2022
"""


def test_a_table_given_cell_by_cell_becomes_rows_and_each_row_a_task_of_its_lead_units():
    text = repair_text(CELL_BY_CELL)
    assert "1 | Tuyên truyền trên hệ thống truyền thanh, Cổng thông tin điện tử huyện | Trung tâm Văn hóa - " \
           "Truyền thông huyện | Phòng Văn hóa và Thông tin | Tháng 3/2022" in text
    assert repair_text(text) == text
    found = extract(text)
    assert [(t["label"], t["assignees"]) for t in found["tasks"]] == [
        ("II.1", ["Trung tâm Văn hóa - Truyền thông huyện"]), ("II.2", ["UBND các xã, thị trấn"])]
    assert found["deadlines"] == [{"what": "báo cáo kết quả thực hiện", "due": "2022-03-31",
                                   "to": "UBND huyện (qua Phòng Nội vụ)", "applies_to": ["UBND các xã, thị trấn"]}]


def test_decimal_items_are_labelled_as_written_under_a_title_naming_the_unit():
    text = repair_text("1. Đối với các bệnh viện\n\n1.1. Tổ chức các hoạt động kỷ niệm.\n\n"
                       "1.2. Treo băng rôn tại khu đón tiếp.\n\n2. Chế độ báo cáo\n\n"
                       "Các đơn vị báo cáo kết quả thực hiện về Sở Y tế trước ngày 03/4/2026.\n")
    assert [(t["label"], t["assignees"]) for t in extract(text)["tasks"]] == [
        ("1.1", ["các bệnh viện"]), ("1.2", ["các bệnh viện"]), ("2", ["Các đơn vị"])]


def test_an_article_assigns_its_subject_and_members_and_execution_assign_nothing():
    text = repair_text("Điều 1. Thành lập Ban Tổ chức, gồm các ông (bà) có tên sau:\n\n"
                       "1. Bà Lê Thị Hồng, Trưởng phòng Bảo trợ xã hội - Phó Trưởng ban;\n\n"
                       "Điều 2. Ban Tổ chức có nhiệm vụ xây dựng chương trình kỷ niệm.\n\n"
                       "Điều 3. Chánh Văn phòng Sở, Trưởng phòng Bảo trợ xã hội chịu trách nhiệm thi hành "
                       "Quyết định này./.\n")
    assert [(t["label"], t["assignees"]) for t in extract(text)["tasks"]] == [("Điều 2", ["Ban Tổ chức"])]


def test_units_opening_the_clauses_of_one_paragraph_make_one_task():
    text = repair_text("1. Phân công thực hiện: Phòng Văn hóa - Xã hội chủ trì tổ chức thăm hỏi; Văn phòng HĐND "
                       "và UBND phường bố trí kinh phí; Trạm Y tế phường tổ chức khám sức khỏe.\n")
    assert extract(text)["tasks"][0]["assignees"] == [
        "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Trạm Y tế phường"]
