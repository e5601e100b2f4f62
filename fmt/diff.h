// Unified diffs of two texts, as gofmt -d prints them (Go's anchored line diff).
#pragma once

#include <string>
#include <string_view>

namespace gotool::gofmt {

// Diff returns a unified diff (3 lines of context) from old to new, with the
// "diff", "---" and "+++" header lines naming old_name and new_name, or "" when the
// texts are equal. Lines that occur exactly once in each text anchor the diff
// (the longest increasing run of them), as in Go's internal/diff, so the output is
// byte-identical to gofmt -d's.
std::string Diff(std::string_view old_name, std::string_view old_text, std::string_view new_name,
                 std::string_view new_text);

}  // namespace gotool::gofmt
