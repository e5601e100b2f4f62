// Go string literal decoding (strconv.Unquote) for import paths.
#pragma once

#include <string>
#include <string_view>

namespace gotool::gofmt {

// Unquote decodes the Go string literal lit ("..." with escapes, or `...`) into out,
// as strconv.Unquote does; it returns false if lit is not a valid string literal.
bool Unquote(std::string_view lit, std::string* out);

}  // namespace gotool::gofmt
