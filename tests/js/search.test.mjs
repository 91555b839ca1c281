// Unit tests of the search page's query handling (theme/assets/javascripts/search.js), run by
// `node --test` (tests/test_search_js.py): đ/d variants and the re-ranking of results by phrase.
import assert from "node:assert/strict";
import { test } from "node:test";

import { dVariants, phraseTier, wordForms } from "../../theme/assets/javascripts/search.js";

const SYLLABLES = { d: ["dan", "du"], "đ": ["doan", "don", "dan", "dong"] };

test("a syllable typed with d is tried as đ only where the site has such a syllable", () => {
  assert.deepEqual(wordForms("doan thanh nien", SYLLABLES), [["đoan"], ["thanh"], ["nien"]]);
  assert.deepEqual(wordForms("du lieu", SYLLABLES), [["du"], ["lieu"]]);
  assert.deepEqual(wordForms("dan", SYLLABLES), [["dan", "đan"]]); // both exist: both are tried
  assert.deepEqual(wordForms("dxyz", SYLLABLES), [["dxyz", "đxyz"]]); // neither: a word still being typed
  assert.deepEqual(wordForms("Doan", SYLLABLES), [["Đoan"]]); // a capital stays a capital
});

test("at most four syllables get a second form (2^4 searches)", () => {
  const forms = wordForms("dxa dxb dxc dxd dxe", SYLLABLES);
  assert.equal(forms.filter((form) => form.length === 2).length, 4);
  assert.equal(dVariants(forms).length, 16);
});

test("variants combine every form of every word, in order", () => {
  assert.deepEqual(dVariants([["doan", "đoan"], ["thanh"]]), ["doan thanh", "đoan thanh"]);
  assert.deepEqual(dVariants([]), [""]);
});

test("the whole phrase as typed ranks first, then every word, then the rest", () => {
  assert.equal(phraseTier("đối tượng", "Các đối tượng bảo trợ xã hội"), 0);
  assert.equal(phraseTier("đối tượng", "tượng đài và đối thoại"), 1);
  assert.equal(phraseTier("đối tượng", "Đổi mới và Thủ tướng"), 2);
});

test("a word typed without marks matches any marks; with marks, only those", () => {
  assert.equal(phraseTier("doi tuong", "Đổi mới, Thủ tướng: đối tượng"), 0);
  assert.equal(phraseTier("so y te", "Sở Y tế tỉnh Quảng Ngãi"), 0);
  assert.equal(phraseTier("sở y tế", "So y te"), 2);
  assert.equal(phraseTier("", "bất kỳ"), 2);
});
