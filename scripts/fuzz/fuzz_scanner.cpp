// libFuzzer target: scans arbitrary bytes in both comment modes and checks the
// scanner's invariants (termination, ordered in-range positions, literal storage).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/scanner.h"

namespace {

using namespace gotool;

#define FUZZ_CHECK(cond)                                                      \
  do {                                                                        \
    if (!(cond)) {                                                            \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                           \
    }                                                                         \
  } while (0)

void ScanOnce(std::string_view src, unsigned mode) {
  base::FileSet fset;
  base::File* file = fset.AddFile("dir/fuzz.go", int(src.size()));
  base::Arena arena;
  base::ErrorList errors;
  syntax::Scanner s(
      file, src, &arena,
      [&](base::Pos pos, std::string_view msg) {
        FUZZ_CHECK(file->Offset(pos) >= 0 && file->Offset(pos) <= int(src.size()));
        FUZZ_CHECK(!msg.empty());
        errors.Add(fset, base::Diagnostic{pos, std::string(msg)});
      },
      mode);
  base::Pos last = file->PosAt(0);
  // Every call makes progress except automatic semicolons, which need a token first.
  size_t limit = 2 * src.size() + 4;
  size_t n = 0;
  for (;; n++) {
    FUZZ_CHECK(n <= limit);
    syntax::TokenInfo t = s.Scan();
    FUZZ_CHECK(t.pos >= last);
    FUZZ_CHECK(file->Offset(t.pos) <= int(src.size()));
    last = t.pos;
    // Resolve every position: exercises the line table and //line directives.
    base::Position p = fset.PositionFor(t.pos, true);
    (void)p.String();
    if (t.tok == syntax::Token::EOF_) break;
    if (t.tok == syntax::Token::SEMICOLON) {
      FUZZ_CHECK(t.lit == ";" || t.lit == "\n");
    } else if (t.tok == syntax::Token::COMMENT) {
      FUZZ_CHECK(t.lit.size() >= 2 && t.lit[0] == '/');
    } else if (syntax::IsLiteral(t.tok) || t.tok == syntax::Token::ILLEGAL) {
      FUZZ_CHECK(!t.lit.empty());
    }
    // Views point into src, except stripped literals (arena) and U+FFFD for a bad byte.
    if (!t.lit.empty() && t.tok != syntax::Token::SEMICOLON && t.tok != syntax::Token::ILLEGAL &&
        t.lit.data() >= src.data() && t.lit.data() < src.data() + src.size()) {
      FUZZ_CHECK(t.lit.data() + t.lit.size() <= src.data() + src.size());
    }
  }
  FUZZ_CHECK(s.Scan().tok == syntax::Token::EOF_);
  FUZZ_CHECK(size_t(s.error_count()) == errors.size());
  errors.RemoveMultiples();
  (void)errors.Error();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 20)) return 0;
  // libFuzzer's buffer is exactly size bytes long, so ASan catches any over-read.
  std::string_view src(reinterpret_cast<const char*>(data), size);
  ScanOnce(src, syntax::kScanComments);
  ScanOnce(src, 0);
  return 0;
}
