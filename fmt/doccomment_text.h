// Doc-comment inline text: link references, automatic URLs and quote rewriting
// (internal to fmt/doccomment*.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gotool::gofmt::doccomment {

// LinkDef is a "[text]: url" link definition line.
struct LinkDef {
  std::string_view text;
  std::string_view url;
  bool used = false;  // some "[text]" in the comment refers to it
};

// LinkDefs holds a comment's link definitions in order; lookups find the first
// definition of a text.
class LinkDefs {
 public:
  void Add(LinkDef def);
  // Use marks and returns the definition of text, or returns nullptr.
  LinkDef* Use(std::string_view text);
  const std::vector<LinkDef>& all() const { return defs_; }

 private:
  std::vector<LinkDef> defs_;
  std::unordered_map<std::string_view, size_t> first_;
};

// ParseLinkDef parses a link definition line "[text]: scheme://url".
bool ParseLinkDef(std::string_view line, LinkDef* def);

// RenderLinkedText appends the printed form of paragraph text s: the text itself,
// except that "``" and "''" become “ and ” outside automatic URLs. Uses of
// definitions in defs are marked.
void RenderLinkedText(std::string_view s, LinkDefs* defs, std::string* out);

// IsUpper reports whether r is an upper-case letter (category Lu).
bool IsUpper(int32_t r);

}  // namespace gotool::gofmt::doccomment
