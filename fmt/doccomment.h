// Doc-comment reformatting: go/doc/comment's parse and comment printer, and the
// rewrite go/printer applies to top-level doc comments.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::gofmt {

// ReformatCommentText parses the text of a doc comment (comment markers removed, one
// "\n"-terminated line per comment line) into paragraphs, headings, lists, code
// blocks and link definitions, and prints it back in canonical form, as
// go/doc/comment's Parser.Parse followed by Printer.Comment do with no package or
// symbol lookup. The result is empty or ends in "\n".
std::string ReformatCommentText(std::string_view text);

// FormatDocComment reformats a doc comment given as the texts of its comments (a
// run of "//" comments or a single "/*" comment), as go/printer does for an
// unindented comment group that abuts the next token. It returns std::nullopt when
// the comment is to be left exactly as it is, otherwise the new comment texts: "//"
// lines (directives such as "//go:generate" moved to the end after a "//" line) or
// one "/*\n...*/" comment. The result may be empty (a comment with no text).
std::optional<std::vector<std::string>> FormatDocComment(
    std::span<const std::string_view> comments);

// IsDirective reports whether a "//" comment's text after the slashes is a directive
// ("line ", "extern ", "export " or "[a-z0-9]+:[a-z0-9]" at the start).
bool IsDirective(std::string_view c);

}  // namespace gotool::gofmt
