// libFuzzer target: parses arbitrary bytes with the scanner and parser in a few modes.
#include <cstdint>
#include <string_view>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gotool;
  if (size > (1 << 20)) return 0;
  // libFuzzer's buffer is exactly size bytes long, so ASan catches any over-read.
  std::string_view src(reinterpret_cast<const char*>(data), size);
  for (unsigned mode : {unsigned(syntax::kParseComments | syntax::kAllErrors), 0u}) {
    base::FileSet fset;
    base::Arena arena;
    syntax::ParseResult r = syntax::ParseFile(fset, "dir/fuzz.go", src, arena, mode);
    if (r.file == nullptr) __builtin_trap();
    (void)r.errors.Error();
  }
  return 0;
}
