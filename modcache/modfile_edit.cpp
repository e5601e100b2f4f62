// go.mod edits: module/go/toolchain statements, requirements, excludes, replaces,
// retractions, block sorting and cleanup.
#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>

#include "modcache/modfile.h"
#include "modcache/modfile_internal.h"
#include "modcache/semver.h"

namespace gotool::modcache::modfile {

namespace {

std::string TrimSpace(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n\r\v\f");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\n\r\v\f") - b + 1));
}

void MarkRequireRemoved(Require* r) {
  MarkRemoved(r->syntax.get());
  *r = Require{};
}

bool LineLess(const Line& a, const Line& b) {
  for (std::size_t k = 0; k < a.token.size() && k < b.token.size(); ++k)
    if (a.token[k] != b.token[k]) return a.token[k] < b.token[k];
  return a.token.size() < b.token.size();
}

VersionInterval LineInterval(const Line& l) {
  if (l.token.size() == 1) return {l.token[0], l.token[0]};
  if (l.token.size() == 5 && l.token[0] == "[" && l.token[2] == "," && l.token[4] == "]")
    return {l.token[1], l.token[3]};
  return {};
}

bool LineRetractLess(const Line& a, const Line& b) {
  VersionInterval x = LineInterval(a), y = LineInterval(b);
  if (int c = semver::Compare(x.low, y.low)) return c > 0;
  return semver::Compare(x.high, y.high) > 0;
}

// CheckCanonicalVersion returns an error message when vers is not canonical or does
// not match path's major version.
std::string CheckCanonicalVersion(std::string_view path, std::string_view vers) {
  module::SplitPath sp = module::SplitPathVersion(path);
  if (vers.empty() || vers != module::CanonicalVersion(vers)) {
    std::string form =
        sp.path_major.empty() ? "v1.2.3" : module::PathMajorPrefix(sp.path_major) + ".2.3";
    return module::InvalidVersionError{std::string(vers), false, "must be of the form " + form}
        .Message();
  }
  if (sp.ok) {
    if (auto err = module::CheckPathMajor(vers, sp.path_major)) {
      if (sp.path_major.empty())
        return module::InvalidVersionError{
            std::string(vers), false,
            fmt::format("should be {}+incompatible (or module {}/{})", vers, path,
                        semver::Major(vers))}
            .Message();
      return err->Message();
    }
  }
  return "";
}

template <typename T, typename Dead>
void EraseDead(std::vector<std::shared_ptr<T>>* v, Dead dead) {
  std::erase_if(*v, [&](const std::shared_ptr<T>& x) { return dead(*x); });
}

}  // namespace

// SetRequireVersion updates a requirement's version, dropping a blank line before it in a
// block (go.dev/issue/33779).
void SetRequireVersion(Require* r, const std::string& v) {
  r->mod.version = v;
  Line& line = *r->syntax;
  if (line.token.empty()) return;
  if (line.in_block) {
    auto& before = line.comments.before;
    if (before.size() == 1 && before[0].token.empty()) before.clear();
    if (line.token.size() >= 2) line.token[1] = v;
  } else if (line.token.size() >= 3) {
    line.token[2] = v;
  }
}

// SetRequireIndirect adds or removes the "// indirect" comment of a requirement.
void SetRequireIndirect(Require* r, bool indirect) {
  r->indirect = indirect;
  Line& line = *r->syntax;
  if (IsIndirect(line) == indirect) return;
  auto& suffix = line.comments.suffix;
  if (indirect) {
    if (suffix.empty()) {
      suffix.push_back(Comment{{}, "// indirect", true});
      return;
    }
    std::string_view tok = suffix[0].token;
    if (tok.starts_with("//")) tok.remove_prefix(2);
    std::string text = TrimSpace(tok);
    suffix[0].token = text.empty() ? "// indirect" : "// indirect; " + text;
    return;
  }
  std::string_view tok = suffix[0].token;
  if (tok.starts_with("//")) tok.remove_prefix(2);
  if (TrimSpace(tok) == "indirect") {
    suffix.clear();
    return;
  }
  std::size_t i = suffix[0].token.find("indirect;");
  suffix[0].token = "//" + suffix[0].token.substr(i + 9);
}

void File::AddModuleStmt(std::string_view path) {
  if (!module) {
    module = std::make_shared<Module>();
    module->mod.path = std::string(path);
    module->syntax = syntax->AddLine(nullptr, {"module", AutoQuote(path)});
  } else {
    module->mod.path = std::string(path);
    syntax->UpdateLine(module->syntax.get(), {"module", AutoQuote(path)});
  }
}

std::string File::AddGoStmt(std::string_view version) {
  if (!IsGoVersion(version))
    return fmt::format("invalid language version string {}", module::Quote(version));
  if (!go) {
    const Line* hint = module && module->syntax ? module->syntax.get() : nullptr;
    go = std::make_shared<Go>(
        Go{std::string(version), syntax->AddLine(hint, {"go", std::string(version)})});
  } else {
    go->version = std::string(version);
    syntax->UpdateLine(go->syntax.get(), {"go", std::string(version)});
  }
  return "";
}

void File::DropGoStmt() {
  if (!go) return;
  MarkRemoved(go->syntax.get());
  go = nullptr;
}

std::string File::AddToolchainStmt(std::string_view name) {
  if (name != "default" && !(name == "go1" || name.starts_with("go1.")))
    return fmt::format("invalid toolchain name {}", module::Quote(name));
  if (!toolchain) {
    const Line* hint = go && go->syntax           ? go->syntax.get()
                       : module && module->syntax ? module->syntax.get()
                                                  : nullptr;
    toolchain = std::make_shared<Toolchain>(
        Toolchain{std::string(name), syntax->AddLine(hint, {"toolchain", std::string(name)})});
  } else {
    toolchain->name = std::string(name);
    syntax->UpdateLine(toolchain->syntax.get(), {"toolchain", std::string(name)});
  }
  return "";
}

void File::DropToolchainStmt() {
  if (!toolchain) return;
  MarkRemoved(toolchain->syntax.get());
  toolchain = nullptr;
}

void File::AddGodebug(std::string_view key, std::string_view value) {
  std::string kv = std::string(key) + "=" + std::string(value);
  bool need = true;
  for (auto& g : godebug) {
    if (g->key != key) continue;
    if (need) {
      g->value = std::string(value);
      syntax->UpdateLine(g->syntax.get(), {"godebug", kv});
      need = false;
    } else {
      MarkRemoved(g->syntax.get());
      *g = Godebug{};
    }
  }
  if (need) {
    const Line* hint = godebug.empty() ? nullptr : godebug.back()->syntax.get();
    godebug.push_back(std::make_shared<Godebug>(
        Godebug{std::string(key), std::string(value), syntax->AddLine(hint, {"godebug", kv})}));
  }
}

void File::DropGodebug(std::string_view key) {
  for (auto& g : godebug) {
    if (g->key != key || !g->syntax) continue;
    MarkRemoved(g->syntax.get());
    *g = Godebug{};
  }
}

void File::AddComment(std::string_view text) {
  auto cb = std::make_shared<CommentBlock>();
  cb->comments.before.push_back(Comment{{}, std::string(text), false});
  syntax->stmt.push_back(cb);
}

void File::AddRequire(std::string_view path, std::string_view vers) {
  bool need = true;
  for (auto& r : require) {
    if (r->mod.path != path) continue;
    if (need) {
      r->mod.version = std::string(vers);
      syntax->UpdateLine(r->syntax.get(), {"require", AutoQuote(path), std::string(vers)});
      need = false;
    } else {
      MarkRequireRemoved(r.get());
    }
  }
  if (need) AddNewRequire(path, vers, false);
}

void File::AddNewRequire(std::string_view path, std::string_view vers, bool indirect) {
  auto r = std::make_shared<Require>();
  r->mod = {std::string(path), std::string(vers)};
  r->syntax = syntax->AddLine(nullptr, {"require", AutoQuote(path), std::string(vers)});
  SetRequireIndirect(r.get(), indirect);
  require.push_back(r);
}

void File::SetRequire(const std::vector<Require>& req) {
  std::map<std::string, const Require*> need;
  std::vector<std::string> order;
  for (const Require& r : req) {
    if (need.emplace(r.mod.path, &r).second) order.push_back(r.mod.path);
  }
  for (auto& r : require) {
    auto it = need.find(r->mod.path);
    if (it != need.end()) {
      SetRequireVersion(r.get(), it->second->mod.version);
      SetRequireIndirect(r.get(), it->second->indirect);
      need.erase(it);
    } else {
      MarkRequireRemoved(r.get());
    }
  }
  for (const std::string& path : order) {
    auto it = need.find(path);
    if (it != need.end()) AddNewRequire(path, it->second->mod.version, it->second->indirect);
  }
  SortBlocks();
}

void File::DropRequire(std::string_view path) {
  for (auto& r : require)
    if (r->mod.path == path) MarkRequireRemoved(r.get());
}

std::string File::AddExclude(std::string_view path, std::string_view vers) {
  if (std::string err = CheckCanonicalVersion(path, vers); !err.empty()) return err;
  const Line* hint = nullptr;
  for (auto& x : exclude) {
    if (x->mod.path == path && x->mod.version == vers) return "";
    if (x->mod.path == path) hint = x->syntax.get();
  }
  exclude.push_back(std::make_shared<Exclude>(
      Exclude{{std::string(path), std::string(vers)},
              hint ? syntax->AddLine(hint, {"exclude", AutoQuote(path), std::string(vers)})
                   : syntax->AppendLine({"exclude", AutoQuote(path), std::string(vers)})}));
  return "";
}

void File::DropExclude(std::string_view path, std::string_view vers) {
  for (auto& x : exclude) {
    if (x->mod.path == path && x->mod.version == vers) {
      MarkRemoved(x->syntax.get());
      *x = Exclude{};
    }
  }
}

void File::AddReplace(std::string_view old_path, std::string_view old_vers,
                      std::string_view new_path, std::string_view new_vers) {
  bool need = true;
  module::Version old_mod{std::string(old_path), std::string(old_vers)};
  module::Version new_mod{std::string(new_path), std::string(new_vers)};
  std::vector<std::string> tokens{"replace", AutoQuote(old_path)};
  if (!old_vers.empty()) tokens.emplace_back(old_vers);
  tokens.emplace_back("=>");
  tokens.push_back(AutoQuote(new_path));
  if (!new_vers.empty()) tokens.emplace_back(new_vers);
  const Line* hint = nullptr;
  for (auto& r : replace) {
    if (r->old_mod.path == old_path && (old_vers.empty() || r->old_mod.version == old_vers)) {
      if (need) {
        r->new_mod = new_mod;
        syntax->UpdateLine(r->syntax.get(), tokens);
        need = false;
        continue;
      }
      MarkRemoved(r->syntax.get());
      *r = Replace{};
    }
    if (r->old_mod.path == old_path) hint = r->syntax.get();
  }
  if (need)
    replace.push_back(std::make_shared<Replace>(Replace{
        old_mod, new_mod, hint ? syntax->AddLine(hint, tokens) : syntax->AppendLine(tokens)}));
}

void File::DropReplace(std::string_view old_path, std::string_view old_vers) {
  for (auto& r : replace) {
    if (r->old_mod.path == old_path && r->old_mod.version == old_vers) {
      MarkRemoved(r->syntax.get());
      *r = Replace{};
    }
  }
}

std::string File::AddRetract(const VersionInterval& vi, std::string_view rationale) {
  std::string path = module ? module->mod.path : "";
  if (std::string err = CheckCanonicalVersion(path, vi.high); !err.empty()) return err;
  if (std::string err = CheckCanonicalVersion(path, vi.low); !err.empty()) return err;
  auto r = std::make_shared<Retract>();
  r->interval = vi;
  if (vi.low == vi.high) {
    r->syntax = syntax->AddLine(nullptr, {"retract", AutoQuote(vi.low)});
  } else {
    r->syntax =
        syntax->AddLine(nullptr, {"retract", "[", AutoQuote(vi.low), ",", AutoQuote(vi.high), "]"});
  }
  if (!rationale.empty()) {
    std::size_t start = 0;
    for (;;) {
      std::size_t nl = rationale.find('\n', start);
      std::string_view line =
          rationale.substr(start, nl == std::string_view::npos ? nl : nl - start);
      r->syntax->comments.before.push_back(Comment{{}, "// " + std::string(line), false});
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }
  // As in x/mod, the new retraction is not added to the list: it only edits syntax.
  return "";
}

void File::DropRetract(const VersionInterval& vi) {
  for (auto& r : retract) {
    if (r->syntax && r->interval == vi) {
      MarkRemoved(r->syntax.get());
      *r = Retract{};
    }
  }
}

void File::SortBlocks() {
  // Remove duplicate excludes (the first wins) and replaces (the last wins).
  std::set<const Line*> kill;
  std::set<std::pair<std::string, std::string>> seen;
  for (auto& x : exclude)
    if (!seen.insert({x->mod.path, x->mod.version}).second) kill.insert(x->syntax.get());
  EraseDead(&exclude, [&](const Exclude& x) { return kill.count(x.syntax.get()) > 0; });
  seen.clear();
  for (auto it = replace.rbegin(); it != replace.rend(); ++it)
    if (!seen.insert({(*it)->old_mod.path, (*it)->old_mod.version}).second)
      kill.insert((*it)->syntax.get());
  EraseDead(&replace, [&](const Replace& x) { return kill.count(x.syntax.get()) > 0; });
  std::vector<Stmt> stmts;
  for (Stmt& s : syntax->stmt) {
    if (auto* lp = std::get_if<std::shared_ptr<Line>>(&s)) {
      if (kill.count(lp->get())) continue;
    } else if (auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&s)) {
      std::erase_if((*bp)->line,
                    [&](const std::shared_ptr<Line>& l) { return kill.count(l.get()) > 0; });
      if ((*bp)->line.empty()) continue;
    }
    stmts.push_back(s);
  }
  syntax->stmt = std::move(stmts);

  for (Stmt& s : syntax->stmt) {
    auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&s);
    if (bp == nullptr) continue;
    auto& lines = (*bp)->line;
    bool retract = (*bp)->token[0] == "retract";
    std::stable_sort(lines.begin(), lines.end(), [&](const auto& a, const auto& b) {
      return retract ? LineRetractLess(*a, *b) : LineLess(*a, *b);
    });
  }
}

void File::Cleanup() {
  EraseDead(&require, [](const Require& r) { return r.mod.path.empty(); });
  EraseDead(&exclude, [](const Exclude& x) { return x.mod.path.empty(); });
  EraseDead(&replace, [](const Replace& r) { return r.old_mod.path.empty(); });
  EraseDead(&retract,
            [](const Retract& r) { return r.interval.low.empty() && r.interval.high.empty(); });
  EraseDead(&godebug, [](const Godebug& g) { return g.key.empty(); });
  syntax->Cleanup();
}

}  // namespace gotool::modcache::modfile
