// ui/lang/phrases.h: the shape of one language's phrase file. A file lists {S::key, "words"} rows in any order;
// the registry (languages.cpp) indexes them by key once, and a test checks that every key has words, once, in
// every language, with the same printf arguments as English.
// Phrases take printf conversions; counts arrive pre-formatted as %s ("12,000").
#pragma once
#include <cstddef>

#include "ui/strings.h"

namespace ui::lang {

struct Phrase {
    S key;
    const char* text;
};

struct PhraseTable {
    const Phrase* rows;
    std::size_t count;
};

}  // namespace ui::lang
