// Tests of the canonical AST dump against goldens made by scripts/conformance/goast.
#include "pkg/syntax/dump.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/parser.h"

namespace gotool::syntax {
namespace {

// Dump parses src as a file named filename and returns what `gotool debug parse -dump`
// prints for it.
std::string Dump(std::string_view filename, std::string_view src) {
  base::FileSet fset;
  base::Arena arena;
  ParseResult r = ParseFile(fset, std::string(filename), src, arena, kParseComments);
  if (!r.errors.empty()) return DumpError(r.errors[0], filename);
  return DumpFile(fset, r.file);
}

// The goldens below are the output of `goast dump` (scripts/conformance/goast, i.e.
// go/parser of Go 1.19) for the same sources.

TEST(DumpTest, CommentsImportsAndQuoting) {
  constexpr std::string_view src =
      "// Doc.\npackage p\n\nimport m \"math\" // c\n\nvar s = \"\xc3\xa9\xf0\x9f\x98\x80\\t\"\n";
  EXPECT_EQ(Dump("g1.go", src), R"(File
  Doc: CommentGroup
    List: [1]
      0: Comment
        Slash: 1:1
        Text: "// Doc."
  Package: 2:1
  Name: Ident
    NamePos: 2:9
    Name: "p"
  Decls: [2]
    0: GenDecl
      Doc: nil
      TokPos: 4:1
      Tok: import
      Lparen: -
      Specs: [1]
        0: ImportSpec
          Doc: nil
          Name: Ident
            NamePos: 4:8
            Name: "m"
          Path: BasicLit
            ValuePos: 4:10
            Kind: STRING
            Value: "\"math\""
          Comment: CommentGroup
            List: [1]
              0: Comment
                Slash: 4:17
                Text: "// c"
          EndPos: -
      Rparen: -
    1: GenDecl
      Doc: nil
      TokPos: 6:1
      Tok: var
      Lparen: -
      Specs: [1]
        0: ValueSpec
          Doc: nil
          Names: [1]
            0: Ident
              NamePos: 6:5
              Name: "s"
          Type: nil
          Values: [1]
            0: BasicLit
              ValuePos: 6:9
              Kind: STRING
              Value: "\"\u00e9\U0001f600\\t\""
          Comment: nil
      Rparen: -
  Comments: [2]
    0: CommentGroup
      List: [1]
        0: Comment
          Slash: 1:1
          Text: "// Doc."
    1: CommentGroup
      List: [1]
        0: Comment
          Slash: 4:17
          Text: "// c"
)");
}

TEST(DumpTest, GenericsChannelsAndRange) {
  constexpr std::string_view src = "package p\n\nfunc f[T any](c <-chan T) { for range c {} }\n";
  EXPECT_EQ(Dump("g2.go", src), R"(File
  Doc: nil
  Package: 1:1
  Name: Ident
    NamePos: 1:9
    Name: "p"
  Decls: [1]
    0: FuncDecl
      Doc: nil
      Recv: nil
      Name: Ident
        NamePos: 3:6
        Name: "f"
      Type: FuncType
        Func: 3:1
        TypeParams: FieldList
          Opening: 3:7
          List: [1]
            0: Field
              Doc: nil
              Names: [1]
                0: Ident
                  NamePos: 3:8
                  Name: "T"
              Type: Ident
                NamePos: 3:10
                Name: "any"
              Tag: nil
              Comment: nil
          Closing: 3:13
        Params: FieldList
          Opening: 3:14
          List: [1]
            0: Field
              Doc: nil
              Names: [1]
                0: Ident
                  NamePos: 3:15
                  Name: "c"
              Type: ChanType
                Begin: 3:17
                Arrow: 3:17
                Dir: 2
                Value: Ident
                  NamePos: 3:24
                  Name: "T"
              Tag: nil
              Comment: nil
          Closing: 3:25
        Results: nil
      Body: BlockStmt
        Lbrace: 3:27
        List: [1]
          0: RangeStmt
            For: 3:29
            Key: nil
            Value: nil
            TokPos: -
            Tok: ILLEGAL
            X: Ident
              NamePos: 3:39
              Name: "c"
            Body: BlockStmt
              Lbrace: 3:41
              List: [0]
              Rbrace: 3:42
        Rbrace: 3:44
  Comments: [0]
)");
}

TEST(DumpTest, FirstErrorLine) {
  EXPECT_EQ(Dump("dir/d.go", "package p\nvar x = [\n"),
            "error: 2:11: expected operand, found 'EOF'\n");
  // A //line directive changes the reported file (joined to the file's directory) and,
  // without a column, drops the column.
  EXPECT_EQ(Dump("dir/c.go", "package p\n\nfunc f() {\n//line other.go:50\n\tx := \n}\n"),
            "error: dir/other.go:51: expected operand, found '}'\n");
}


}  // namespace
}  // namespace gotool::syntax
