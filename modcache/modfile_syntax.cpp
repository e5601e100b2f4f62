// go.mod syntax tree edits: adding and updating lines, cleanup, error messages.
#include "modcache/modfile_syntax.h"

#include <fmt/core.h>

namespace gotool::modcache::modfile {

Comments& CommentsOf(const Stmt& s) {
  return std::visit([](const auto& p) -> Comments& { return p->comments; }, s);
}

void MarkRemoved(Line* line) {
  line->token.clear();
  line->comments.suffix.clear();
}

namespace {

// StmtVerb returns the first token of a line or block statement, or "".
std::string_view StmtVerb(const Stmt& s) {
  if (auto* l = std::get_if<std::shared_ptr<Line>>(&s))
    return (*l)->token.empty() ? std::string_view() : std::string_view((*l)->token[0]);
  if (auto* b = std::get_if<std::shared_ptr<LineBlock>>(&s))
    return (*b)->token.empty() ? std::string_view() : std::string_view((*b)->token[0]);
  return {};
}

const void* StmtPtr(const Stmt& s) {
  return std::visit([](const auto& p) -> const void* { return p.get(); }, s);
}

}  // namespace

std::shared_ptr<Line> FileSyntax::AddLine(const Line* hint_line, std::vector<std::string> tokens) {
  const void* hint = hint_line;
  if (hint == nullptr) {
    for (std::size_t i = stmt.size(); i-- > 0;) {
      if (!StmtVerb(stmt[i]).empty() && StmtVerb(stmt[i]) == tokens[0]) {
        hint = StmtPtr(stmt[i]);
        break;
      }
    }
  }
  auto new_line_after = [&](std::size_t i) {
    auto l = std::make_shared<Line>();
    l->token = tokens;
    stmt.insert(stmt.begin() + static_cast<std::ptrdiff_t>(i + 1), l);
    return l;
  };
  auto block_line = [&] {
    auto l = std::make_shared<Line>();
    l->token.assign(tokens.begin() + 1, tokens.end());
    l->in_block = true;
    return l;
  };
  if (hint != nullptr) {
    for (std::size_t i = 0; i < stmt.size(); ++i) {
      if (auto* lp = std::get_if<std::shared_ptr<Line>>(&stmt[i])) {
        if (lp->get() != hint) continue;
        std::shared_ptr<Line> line = *lp;
        if (line->token.empty() || line->token[0] != tokens[0]) return new_line_after(i);
        // Turn the line into a block holding it and the new line.
        line->in_block = true;
        auto block = std::make_shared<LineBlock>();
        block->token = {line->token[0]};
        line->token.erase(line->token.begin());
        block->line.push_back(line);
        auto l = block_line();
        block->line.push_back(l);
        stmt[i] = block;
        return l;
      }
      if (auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&stmt[i])) {
        LineBlock& b = **bp;
        if (&b == hint) {
          if (b.token[0] != tokens[0]) return new_line_after(i);
          auto l = block_line();
          b.line.push_back(l);
          return l;
        }
        for (std::size_t j = 0; j < b.line.size(); ++j) {
          if (b.line[j].get() != hint) continue;
          if (b.token[0] != tokens[0]) return new_line_after(i);
          auto l = block_line();
          b.line.insert(b.line.begin() + static_cast<std::ptrdiff_t>(j + 1), l);
          return l;
        }
      }
    }
  }
  auto l = std::make_shared<Line>();
  l->token = std::move(tokens);
  stmt.push_back(l);
  return l;
}

std::shared_ptr<Line> FileSyntax::AppendLine(std::vector<std::string> tokens) {
  auto l = std::make_shared<Line>();
  l->token = std::move(tokens);
  stmt.push_back(l);
  return l;
}

void FileSyntax::UpdateLine(Line* line, std::vector<std::string> tokens) {
  if (line->in_block) tokens.erase(tokens.begin());
  line->token = std::move(tokens);
}

namespace {

std::vector<Comment> Concat(const std::vector<Comment>& x, const std::vector<Comment>& y) {
  std::vector<Comment> out = x;
  out.insert(out.end(), y.begin(), y.end());
  return out;
}

}  // namespace

void FileSyntax::Cleanup() {
  std::vector<Stmt> kept;
  for (Stmt& s : stmt) {
    if (auto* lp = std::get_if<std::shared_ptr<Line>>(&s)) {
      if ((*lp)->token.empty()) continue;
    } else if (auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&s)) {
      LineBlock& b = **bp;
      std::erase_if(b.line, [](const std::shared_ptr<Line>& l) { return l->token.empty(); });
      if (b.line.empty()) continue;
      if (b.line.size() == 1) {
        // A block of one line becomes that line, with the comments of both.
        const Line& only = *b.line[0];
        auto l = std::make_shared<Line>();
        l->comments.before = Concat(b.comments.before, only.comments.before);
        l->comments.suffix = Concat(only.comments.suffix, b.comments.suffix);
        l->comments.after = Concat(only.comments.after, b.comments.after);
        l->token = b.token;
        l->token.insert(l->token.end(), only.token.begin(), only.token.end());
        kept.push_back(l);
        continue;
      }
    }
    kept.push_back(s);
  }
  stmt = std::move(kept);
}

std::string Error::Message() const {
  std::string pos;
  if (this->pos.line_rune > 1) {
    pos = fmt::format("{}:{}:{}: ", filename, this->pos.line, this->pos.line_rune);
  } else if (this->pos.line > 0) {
    pos = fmt::format("{}:{}: ", filename, this->pos.line);
  } else if (!filename.empty()) {
    pos = filename + ": ";
  }
  std::string directive;
  if (!mod_path.empty())
    directive = verb + " " + mod_path + ": ";
  else if (!verb.empty())
    directive = verb + ": ";
  return pos + directive + err;
}

std::string ErrorMessages(const std::vector<Error>& errs) {
  std::string out;
  for (std::size_t i = 0; i < errs.size(); ++i) {
    if (i > 0) out += '\n';
    out += errs[i].Message();
  }
  return out;
}

}  // namespace gotool::modcache::modfile
