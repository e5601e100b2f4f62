// Go's string quoting (strconv.Quote, strconv.QuoteToASCII), shared by every layer that
// prints Go-quoted text: error messages, constant values, AST dumps.
#pragma once

#include <string>
#include <string_view>

namespace gotool::base {

// Quote returns s as a double-quoted Go string literal, as strconv.Quote (and %q) do:
// printable runes stay as they are; others, and bytes of invalid UTF-8, are escaped.
std::string Quote(std::string_view s);

// QuoteToASCII is Quote with every non-ASCII rune escaped (\u or \U), as
// strconv.QuoteToASCII does.
std::string QuoteToASCII(std::string_view s);

}  // namespace gotool::base
