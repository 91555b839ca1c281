"""The JSON Schemas editors' tools read are the ones the models define."""

from __future__ import annotations

import json

from generator.cli import schema_texts

from .conftest import PROJECT, ROOT


def test_schema_files_are_up_to_date():
    for name, text in schema_texts().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run `make schema` ({name})"


def test_every_data_file_points_at_its_schema():
    for path in (PROJECT / "campaigns").glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schemas/campaign.schema.json\n"), path
    for path in (PROJECT / "content" / "dispatches").glob("*/*.md"):
        assert "# yaml-language-server: $schema=../../../schemas/document.schema.json" in path.read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schemas" / "campaign.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False and "edition" in schema["required"]
