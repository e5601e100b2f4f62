// Import sorting: runs of import specs are sorted and deduplicated, their positions
// and attached comments reassigned so the printer lays them out in the new order.
#include "fmt/sortimports.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "fmt/doccomment.h"
#include "fmt/strconv.h"

namespace gotool::gofmt {
namespace {

using syntax::CommentGroup;
using syntax::ImportSpec;
using syntax::NodeEnd;
using syntax::NodePos;
using syntax::Spec;

base::Pos GroupPos(const CommentGroup* g) { return g->List[0]->Slash; }
base::Pos GroupEnd(const CommentGroup* g) {
  return g->List.back()->Slash + int64_t(g->List.back()->Text.size());
}

// CommentText returns a comment group's text as go/ast's CommentGroup.Text does:
// markers removed, directives dropped, trailing blanks trimmed, blank lines
// collapsed, a final newline.
std::string CommentText(const CommentGroup* g) {
  if (g == nullptr) return {};
  std::vector<std::string_view> lines;
  for (const syntax::Comment* comment : g->List) {
    std::string_view c = comment->Text;
    if (c[1] == '/') {
      c.remove_prefix(2);
      if (!c.empty() && c[0] == ' ') {
        c.remove_prefix(1);
      } else if (!c.empty() && IsDirective(c)) {
        continue;
      }
    } else {
      c = c.substr(2, c.size() - 4);
    }
    for (size_t start = 0;;) {
      size_t nl = c.find('\n', start);
      std::string_view l = c.substr(start, nl == std::string_view::npos ? nl : nl - start);
      while (!l.empty() &&
             (l.back() == ' ' || l.back() == '\t' || l.back() == '\n' || l.back() == '\r')) {
        l.remove_suffix(1);
      }
      lines.push_back(l);
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }
  // No leading blank lines; runs of blank lines become one.
  size_t n = 0;
  for (std::string_view line : lines) {
    if (!line.empty() || (n > 0 && !lines[n - 1].empty())) lines[n++] = line;
  }
  lines.resize(n);
  std::string text;
  for (size_t i = 0; i < n; i++) {
    if (i > 0) text += '\n';
    text += lines[i];
  }
  if (n > 0 && !lines[n - 1].empty()) text += '\n';
  return text;
}

std::string ImportPath(const ImportSpec* s) {
  std::string t;
  if (!Unquote(s->Path->Value, &t)) return {};
  return t;
}

std::string_view ImportName(const ImportSpec* s) { return s->Name ? s->Name->Name : ""; }

struct PosSpan {
  base::Pos start, end;
};

struct CommentPlacement {
  bool left;  // the comment is on the lines before (or left of) the spec
  CommentGroup* group;
};

class Sorter {
 public:
  Sorter(syntax::File* file, LineTable* lines) : file_(file), lines_(lines) {
    comments_.assign(file->Comments.begin(), file->Comments.end());
  }

  void SortDecl(syntax::GenDecl* d, base::Arena* arena);
  void StoreComments(base::Arena* arena);

 private:
  int Line(base::Pos p) const { return lines_->PositionFor(p).line; }
  void SortSpecs(std::vector<ImportSpec*>& specs);

  syntax::File* file_;
  LineTable* lines_;
  std::vector<CommentGroup*> comments_;  // the file's comments, re-sorted as they move
  bool comments_moved_ = false;
};

void Sorter::SortDecl(syntax::GenDecl* d, base::Arena* arena) {
  std::vector<ImportSpec*> all;
  for (Spec* s : d->Specs) all.push_back(s->As<ImportSpec>());
  // Runs are specs on successive lines.
  std::vector<Spec*> out;
  size_t i = 0;
  auto flush_run = [&](size_t j) {
    std::vector<ImportSpec*> run(all.begin() + long(i), all.begin() + long(j));
    SortSpecs(run);
    out.insert(out.end(), run.begin(), run.end());
    i = j;
  };
  for (size_t j = 0; j < all.size(); j++) {
    if (j > i && Line(NodePos(all[j])) > 1 + Line(NodeEnd(all[j - 1]))) flush_run(j);
  }
  flush_run(all.size());

  Spec** data = arena->NewArray<Spec*>(out.size());
  std::copy(out.begin(), out.end(), data);
  d->Specs = syntax::List<Spec>{data, uint32_t(out.size())};

  // Deduplication can leave a blank line before the ')': close it.
  if (!out.empty()) {
    int last_line = Line(NodePos(out.back()));
    int rparen_line = Line(d->Rparen);
    while (rparen_line > last_line + 1) {
      rparen_line--;
      lines_->MergeLine(rparen_line);
    }
  }
}

void Sorter::SortSpecs(std::vector<ImportSpec*>& specs) {
  // A lone import needs nothing; others may still need deduplication.
  if (specs.size() <= 1) return;
  size_t n = specs.size();
  std::vector<PosSpan> pos(n);
  for (size_t i = 0; i < n; i++) pos[i] = {NodePos(specs[i]), NodeEnd(specs[i])};

  // The comments on the lines of the run.
  base::Pos beg = lines_->LineStart(Line(pos[0].start));
  int end_line = Line(pos[n - 1].end);
  base::Pos end =
      end_line == lines_->LineCount() ? pos[n - 1].end : lines_->LineStart(end_line + 1);
  size_t first = comments_.size();
  long last = -1;
  for (size_t i = 0; i < comments_.size(); i++) {
    if (GroupEnd(comments_[i]) >= end) break;
    if (beg <= GroupPos(comments_[i])) {
      first = std::min(first, i);
      last = std::max(last, long(i));
    }
  }

  // Each comment belongs to the spec on its line, or to the next spec if it is on
  // the line above it (or before the first spec).
  std::unordered_map<const ImportSpec*, std::vector<CommentPlacement>> attached;
  if (last >= 0) {
    size_t spec_index = 0;
    for (size_t k = first; k <= size_t(last); k++) {
      CommentGroup* g = comments_[k];
      while (spec_index + 1 < n && pos[spec_index + 1].start <= GroupPos(g)) spec_index++;
      bool left = false;
      if (spec_index == 0 && pos[0].start > GroupPos(g)) {
        left = true;
      } else if (spec_index + 1 < n && Line(pos[spec_index].start) + 1 == Line(GroupPos(g))) {
        spec_index++;
        left = true;
      }
      attached[specs[spec_index]].push_back({left, g});
    }
  }

  // go/ast uses sort.Slice, which is stable for runs this short.
  std::stable_sort(specs.begin(), specs.end(), [](const ImportSpec* a, const ImportSpec* b) {
    std::string ap = ImportPath(a), bp = ImportPath(b);
    if (ap != bp) return ap < bp;
    std::string_view an = ImportName(a), bn = ImportName(b);
    if (an != bn) return an < bn;
    return CommentText(a->Comment) < CommentText(b->Comment);
  });

  // Drop a spec equal to the next one when it has no line comment to lose.
  std::vector<ImportSpec*> deduped;
  for (size_t i = 0; i < n; i++) {
    const ImportSpec* s = specs[i];
    bool collapse = i + 1 < n && ImportPath(specs[i + 1]) == ImportPath(s) &&
                    ImportName(specs[i + 1]) == ImportName(s) && s->Comment == nullptr;
    if (!collapse) {
      deduped.push_back(specs[i]);
    } else {
      lines_->MergeLine(Line(NodePos(s)));
    }
  }
  specs = std::move(deduped);

  // Specs take the positions of the slots they now occupy; their comments follow.
  for (size_t i = 0; i < specs.size(); i++) {
    ImportSpec* s = specs[i];
    if (s->Name) s->Name->NamePos = pos[i].start;
    s->Path->ValuePos = pos[i].start;
    s->EndPos = pos[i].end;
    auto it = attached.find(s);
    if (it == attached.end()) continue;
    for (const CommentPlacement& g : it->second) {
      for (syntax::Comment* c : g.group->List) {
        // A block comment and a line comment right of a spec share a position;
        // the printer keeps their order.
        c->Slash = g.left ? pos[i].start + int64_t(-1) : pos[i].end;
      }
    }
  }
  if (last >= 0) {
    std::stable_sort(
        comments_.begin() + long(first), comments_.begin() + last + 1,
        [](const CommentGroup* a, const CommentGroup* b) { return GroupPos(a) < GroupPos(b); });
    comments_moved_ = true;
  }
}

void Sorter::StoreComments(base::Arena* arena) {
  if (!comments_moved_) return;
  CommentGroup** data = arena->NewArray<CommentGroup*>(comments_.size());
  std::copy(comments_.begin(), comments_.end(), data);
  file_->Comments = syntax::List<CommentGroup>{data, uint32_t(comments_.size())};
}

}  // namespace

void SortImports(syntax::File* file, base::Arena* arena, LineTable* lines) {
  Sorter sorter(file, lines);
  for (syntax::Decl* d : file->Decls) {
    auto* g = syntax::DynCast<syntax::GenDecl>(d);
    // Imports come first: stop at the first other declaration.
    if (g == nullptr || g->Tok != syntax::Token::IMPORT) break;
    if (!g->Lparen.IsValid()) continue;  // a single import is sorted
    sorter.SortDecl(g, arena);
  }
  sorter.StoreComments(arena);
}

}  // namespace gotool::gofmt
