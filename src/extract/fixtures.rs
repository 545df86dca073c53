//! Whole-article fixtures under `fixtures/extract/`: the analysis must match the hand-checked
//! expectation (people names, countries, quotes with speakers).
