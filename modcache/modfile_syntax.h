// The go.mod syntax tree: lines, blocks, comments kept where they stand; parse and print.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gotool::modcache::modfile {

// Position is a place in a go.mod file: 1-based line and rune column, 0-based byte.
struct Position {
  int line = 0;
  int line_rune = 0;
  int byte = 0;
};

// Comment is one // comment; token excludes the trailing newline.
struct Comment {
  Position start;
  std::string token;
  bool suffix = false;  // an end-of-line comment
};

// Comments are the comments attached to a syntax element: whole-line comments before
// it, end-of-line comments after it and, for top-level statements, whole-line
// comments after it.
struct Comments {
  std::vector<Comment> before;
  std::vector<Comment> suffix;
  std::vector<Comment> after;
};

// Line is one line of tokens ("require x v1.0.0", or "x v1.0.0" inside a block). A
// line with no tokens has been removed and disappears at Cleanup.
struct Line {
  Comments comments;
  Position start;
  std::vector<std::string> token;
  bool in_block = false;
  Position end;
};

// CommentBlock is a group of top-level comments that belongs to no statement.
struct CommentBlock {
  Comments comments;
  Position start;
};

// Paren is the "(" or ")" of a block: a place for the comments beside it.
struct Paren {
  Comments comments;
  Position pos;
};

// LineBlock is a factored block: `require (` lines `)`.
struct LineBlock {
  Comments comments;
  Position start;
  Paren lparen;
  std::vector<std::string> token;
  std::vector<std::shared_ptr<Line>> line;
  Paren rparen;
};

// Stmt is one top-level statement.
using Stmt =
    std::variant<std::shared_ptr<CommentBlock>, std::shared_ptr<Line>, std::shared_ptr<LineBlock>>;

// CommentsOf returns the comments of a statement.
Comments& CommentsOf(const Stmt& s);

// FileSyntax is a whole go.mod file.
struct FileSyntax {
  std::string name;
  Comments comments;
  std::vector<Stmt> stmt;

  // AddLine adds a line with the given tokens (tokens[0] is the verb) near hint: at
  // the end of the block holding hint (making hint's line a block if needed) when the
  // verbs match, else after hint's statement. Without a hint it goes to the end of
  // the last statement with the same verb, or to the end of the file.
  std::shared_ptr<Line> AddLine(const Line* hint, std::vector<std::string> tokens);
  // AppendLine adds a line with the given tokens as the last statement. (x/mod's
  // AddExclude and AddReplace do this when no line for the path exists, because a
  // typed nil hint never matches.)
  std::shared_ptr<Line> AppendLine(std::vector<std::string> tokens);
  // UpdateLine replaces line's tokens (dropping the verb inside a block).
  void UpdateLine(Line* line, std::vector<std::string> tokens);
  // Cleanup drops removed lines and empty blocks, and collapses one-line blocks.
  void Cleanup();
};

// MarkRemoved makes Cleanup drop line and its end-of-line comment.
void MarkRemoved(Line* line);

// Error is one go.mod error: "file:line: message" or "file:line:col: message", with
// "verb path: " before the message when known.
struct Error {
  std::string filename;
  Position pos;
  std::string verb;
  std::string mod_path;
  std::string err;
  std::string Message() const;
};

// ErrorMessages joins the messages of errs with newlines, as Go's ErrorList does.
std::string ErrorMessages(const std::vector<Error>& errs);

// ParseSyntax parses data as go.mod syntax; on a syntax error it returns null and
// sets *errs.
std::unique_ptr<FileSyntax> ParseSyntax(std::string_view filename, std::string_view data,
                                        std::vector<Error>* errs);

// Format prints f in the go command's standard layout.
std::string Format(const FileSyntax& f);

// MustQuote reports whether s must be quoted to be one go.mod token.
bool MustQuote(std::string_view s);

// AutoQuote returns s, quoted when MustQuote(s).
std::string AutoQuote(std::string_view s);

// Unquote decodes a Go double-quoted string literal; it returns false on bad syntax.
bool Unquote(std::string_view s, std::string* out);

}  // namespace gotool::modcache::modfile
