// go.mod statements: interpreting the syntax tree into module, go, require, ...
#include <fmt/core.h>
#include <re2/re2.h>

#include <algorithm>
#include <span>

#include "modcache/modfile.h"
#include "modcache/modfile_internal.h"
#include "modcache/semver.h"

namespace gotool::modcache::modfile {
namespace {

std::string JoinTokens(const std::vector<std::string>& t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) out += (i > 0 ? " " : "") + t[i];
  return out;
}

std::string TrimSpace(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n\r\v\f");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\n\r\v\f") - b + 1));
}

// ParseString unquotes a "quoted" token (re-quoting *s only if needed) or checks an
// unquoted one; it returns false with *err set on failure.
bool ParseString(std::string* s, std::string* out, std::string* err) {
  if (s->starts_with("\"")) {
    if (!Unquote(*s, out)) {
      *err = "invalid syntax";
      return false;
    }
  } else if (std::any_of(s->begin(), s->end(),
                         [](char c) { return c == '"' || c == '\'' || c == '`'; })) {
    *err = "unquoted string cannot contain quote";
    return false;
  } else {
    *out = *s;
    if (!MustQuote(*out)) return true;  // *s is its own AutoQuote
  }
  *s = AutoQuote(*out);
  return true;
}

// ParseVersion reads a version token of a verb's line, canonicalising it.
bool ParseVersion(const std::string& verb, const std::string& path, std::string* s,
                  const VersionFixer& fix, Error* e) {
  std::string t, err;
  auto fail = [&](std::string msg) {
    *e = Error{"", {}, verb, path, std::move(msg)};
    return false;
  };
  if (!ParseString(s, &t, &err)) return fail(module::InvalidVersionError{*s, false, err}.Message());
  if (fix) {
    std::string fixed = fix(path, t, &err);
    if (!err.empty()) return fail(err);
    t = fixed;
  } else {
    std::string cv = module::CanonicalVersion(t);
    if (cv.empty())
      return fail(module::InvalidVersionError{t, false, "must be of the form v1.2.3"}.Message());
    t = cv;
  }
  *s = t;
  return true;
}

bool ModulePathMajor(const std::string& path, std::string* major) {
  module::SplitPath sp = module::SplitPathVersion(path);
  *major = sp.path_major;
  return sp.ok;
}

// ParseDirectiveComment returns the text of the comments on a line, or on its block
// when the line has none.
std::string ParseDirectiveComment(const LineBlock* block, const Line& line) {
  const Comments* c = &line.comments;
  if (block != nullptr && c->before.empty() && c->suffix.empty()) c = &block->comments;
  std::string out;
  bool first = true;
  for (const auto* group : {&c->before, &c->suffix}) {
    for (const Comment& com : *group) {
      if (!com.token.starts_with("//")) continue;
      if (!first) out += '\n';
      out += TrimSpace(std::string_view(com.token).substr(2));
      first = false;
    }
  }
  return out;
}

std::string ParseDeprecation(const LineBlock* block, const Line& line) {
  std::string text = ParseDirectiveComment(block, line), m;
  // Nearly no module is deprecated: skip the regexp (and compiling it) unless it can match.
  if (text.find("Deprecated:") == std::string::npos) return "";
  static const RE2 re(R"((?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n))");
  if (!RE2::PartialMatch(text, re, &m)) return "";
  return m;
}

// ParseVersionInterval reads "v" or "[ low , high ]" from the front of *args.
bool ParseInterval(const std::string& verb, const std::string& path, std::span<std::string> t,
                   std::size_t* at, const VersionFixer& fix, VersionInterval* vi, Error* e) {
  std::size_t i = *at;
  auto fail = [&](std::string msg) {
    *e = Error{"", {}, "", "", std::move(msg)};
    return false;
  };
  if (i >= t.size() || t[i] == "(") return fail("expected '[' or version");
  if (t[i] != "[") {
    if (!ParseVersion(verb, path, &t[i], fix, e)) return false;
    vi->low = vi->high = t[i];
    *at = i + 1;
    return true;
  }
  ++i;
  if (i >= t.size()) return fail("expected version after '['");
  if (!ParseVersion(verb, path, &t[i], fix, e)) return false;
  vi->low = t[i++];
  if (i >= t.size() || t[i] != ",") return fail("expected ',' after version");
  ++i;
  if (i >= t.size()) return fail("expected version after ','");
  if (!ParseVersion(verb, path, &t[i], fix, e)) return false;
  vi->high = t[i++];
  if (i >= t.size() || t[i] != "]") return fail("expected ']' after version");
  *at = i + 1;
  return true;
}

// Parser interprets one file's statements.
class RuleParser {
 public:
  RuleParser(File* f, const VersionFixer& fix, bool strict, std::vector<Error>* errs)
      : f_(f), fix_(fix), strict_(strict), errs_(errs) {}

  void Run() {
    for (Stmt& s : f_->syntax->stmt) {
      if (auto* lp = std::get_if<std::shared_ptr<Line>>(&s)) {
        Line& l = **lp;
        Add(nullptr, *lp, l.token[0], std::span<std::string>(l.token).subspan(1));
      } else if (auto* bp = std::get_if<std::shared_ptr<LineBlock>>(&s)) {
        LineBlock& b = **bp;
        static const char* kBlocks[] = {"module",  "godebug", "require",
                                        "exclude", "replace", "retract"};
        bool known = b.token.size() == 1 && std::find(std::begin(kBlocks), std::end(kBlocks),
                                                      b.token[0]) != std::end(kBlocks);
        if (!known) {
          if (strict_)
            errs_->push_back(Error{f_->syntax->name, b.start, "", "",
                                   "unknown block type: " + JoinTokens(b.token)});
          continue;
        }
        for (auto& l : b.line) Add(&b, l, b.token[0], l->token);
      }
    }
    FixRetract();
  }

 private:
  void Errorf(const Line& line, std::string msg) {
    errs_->push_back(Error{f_->syntax->name, line.start, "", "", std::move(msg)});
  }
  void Wrap(const Line& line, Error e) {
    e.filename = f_->syntax->name;
    e.pos = line.start;
    errs_->push_back(std::move(e));
  }

  // Add interprets one line: args are its tokens after the verb, which it rewrites
  // in place (canonical versions, quotes only where needed).
  void Add(const LineBlock* block, const std::shared_ptr<Line>& line, std::string_view verb,
           std::span<std::string> args) {
    if (!strict_ && verb != "go" && verb != "module" && verb != "retract" && verb != "require" &&
        verb != "toolchain")
      return;
    if (verb == "go") return AddGo(line, args);
    if (verb == "toolchain") return AddToolchain(line, args);
    if (verb == "godebug") return AddGodebug(line, args);
    if (verb == "module") return AddModule(block, line, args);
    if (verb == "require" || verb == "exclude")
      return AddRequireOrExclude(line, std::string(verb), args);
    if (verb == "replace") return AddReplace(line, std::string(verb), args);
    if (verb == "retract") return AddRetract(block, line, args);
    Errorf(*line, "unknown directive: " + std::string(verb));
  }

  void AddGo(const std::shared_ptr<Line>& line, std::span<std::string> args) {
    if (f_->go) return Errorf(*line, "repeated go statement");
    if (args.size() != 1) return Errorf(*line, "go directive expects exactly one argument");
    std::string& v = args[0];
    if (!IsGoVersion(v)) {
      static const RE2 lax(R"(^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$)");
      std::string m;
      if (strict_ || !RE2::FullMatch(v, lax, &m))
        return Errorf(*line, fmt::format("invalid go version '{}': must match format 1.23", v));
      v = m;
    }
    f_->go = std::make_shared<Go>(Go{v, line});
  }

  void AddToolchain(const std::shared_ptr<Line>& line, std::span<const std::string> args) {
    if (f_->toolchain) return Errorf(*line, "repeated toolchain statement");
    if (args.size() != 1) return Errorf(*line, "toolchain directive expects exactly one argument");
    const std::string& v = args[0];
    if (v != "default" && !(v == "go1" || v.starts_with("go1.")))
      return Errorf(
          *line,
          fmt::format("invalid toolchain version '{}': must match format go1.23.0 or default", v));
    f_->toolchain = std::make_shared<Toolchain>(Toolchain{v, line});
  }

  void AddGodebug(const std::shared_ptr<Line>& line, std::span<const std::string> args) {
    if (args.size() != 1 || args[0].find_first_of("\"`',") != std::string::npos)
      return Errorf(*line, "usage: godebug key=value");
    std::size_t eq = args[0].find('=');
    if (eq == std::string::npos) return Errorf(*line, "usage: godebug key=value");
    f_->godebug.push_back(
        std::make_shared<Godebug>(Godebug{args[0].substr(0, eq), args[0].substr(eq + 1), line}));
  }

  void AddModule(const LineBlock* block, const std::shared_ptr<Line>& line,
                 std::span<std::string> args) {
    if (f_->module) return Errorf(*line, "repeated module statement");
    f_->module = std::make_shared<Module>(Module{{}, ParseDeprecation(block, *line), line});
    if (args.size() != 1) return Errorf(*line, "usage: module module/path");
    std::string s, err;
    if (!ParseString(&args[0], &s, &err)) return Errorf(*line, "invalid quoted string: " + err);
    f_->module->mod.path = std::move(s);
  }

  void AddRequireOrExclude(const std::shared_ptr<Line>& line, const std::string& verb,
                           std::span<std::string> args) {
    if (args.size() != 2) return Errorf(*line, fmt::format("usage: {} module/path v1.2.3", verb));
    std::string s, err;
    if (!ParseString(&args[0], &s, &err)) return Errorf(*line, "invalid quoted string: " + err);
    Error e;
    if (!ParseVersion(verb, s, &args[1], fix_, &e)) return Wrap(*line, e);
    const std::string& v = args[1];
    module::SplitPathView split = module::SplitPathVersionView(s);
    if (!split.ok) return Errorf(*line, "invalid module path");
    if (auto verr = module::CheckPathMajor(v, split.path_major))
      return Wrap(*line, Error{"", {}, verb, s, verr->Message()});
    if (verb == "require") {
      f_->require.push_back(
          std::make_shared<Require>(Require{{std::move(s), v}, IsIndirect(*line), line}));
    } else {
      f_->exclude.push_back(std::make_shared<Exclude>(Exclude{{std::move(s), v}, line}));
    }
  }

  void AddReplace(const std::shared_ptr<Line>& line, const std::string& verb,
                  std::span<std::string> args) {
    std::size_t arrow = args.size() >= 2 && args[1] == "=>" ? 1 : 2;
    if (args.size() < arrow + 2 || args.size() > arrow + 3 || args[arrow] != "=>")
      return Errorf(*line,
                    fmt::format("usage: {0} module/path [v1.2.3] => other/module v1.4\n\t or "
                                "{0} module/path [v1.2.3] => ../local/directory",
                                verb));
    std::string s, err, major;
    if (!ParseString(&args[0], &s, &err)) return Errorf(*line, "invalid quoted string: " + err);
    if (!ModulePathMajor(s, &major))
      return Wrap(*line, Error{"", {}, verb, s, "invalid module path"});
    std::string v;
    Error e;
    if (arrow == 2) {
      if (!ParseVersion(verb, s, &args[1], fix_, &e)) return Wrap(*line, e);
      v = args[1];
      if (auto verr = module::CheckPathMajor(v, major))
        return Wrap(*line, Error{"", {}, verb, s, verr->Message()});
    }
    std::string ns, nv;
    if (!ParseString(&args[arrow + 1], &ns, &err))
      return Errorf(*line, "invalid quoted string: " + err);
    if (args.size() == arrow + 2) {
      if (!IsDirectoryPath(ns))
        return Errorf(*line,
                      "replacement module without version must be directory path (rooted "
                      "or starting with ./ or ../)");
      if (ns.find('\\') != std::string::npos)
        return Errorf(*line,
                      "replacement directory appears to be Windows path (on a non-windows system)");
    }
    if (args.size() == arrow + 3) {
      if (!ParseVersion(verb, ns, &args[arrow + 2], fix_, &e)) return Wrap(*line, e);
      nv = args[arrow + 2];
      if (IsDirectoryPath(ns))
        return Errorf(*line, fmt::format("replacement module directory path {} cannot have version",
                                         module::Quote(ns)));
    }
    f_->replace.push_back(std::make_shared<Replace>(Replace{{s, v}, {ns, nv}, line}));
  }

  void AddRetract(const LineBlock* block, const std::shared_ptr<Line>& line,
                  std::span<std::string> args) {
    std::string rationale = ParseDirectiveComment(block, *line);
    VersionInterval vi;
    std::size_t at = 0;
    Error e;
    static const VersionFixer kDontFix = [](const std::string&, const std::string& v,
                                            std::string*) { return v; };
    if (!ParseInterval("retract", "", args, &at, kDontFix, &vi, &e)) {
      if (strict_) Wrap(*line, e);
      return;
    }
    if (at < args.size() && strict_)
      return Errorf(*line, "unexpected token after version: " + module::Quote(args[at]));
    f_->retract.push_back(std::make_shared<Retract>(Retract{vi, rationale, line}));
  }

  // FixRetract canonicalises retracted versions once the module path is known.
  void FixRetract() {
    if (!fix_) return;
    std::string path = f_->module ? f_->module->mod.path : "";
    for (auto& r : f_->retract) {
      if (path.empty()) {
        Errorf(*r->syntax, "no module directive found, so retract cannot be used");
        return;
      }
      std::vector<std::string> args = r->syntax->token;
      std::size_t at = args[0] == "retract" ? 1 : 0;
      Error e;
      if (!ParseInterval("retract", path, args, &at, fix_, &r->interval, &e)) Wrap(*r->syntax, e);
    }
  }

  File* f_;
  const VersionFixer& fix_;
  bool strict_;
  std::vector<Error>* errs_;
};

std::unique_ptr<File> ParseToFile(std::string_view filename, std::string_view data,
                                  const VersionFixer& fix, bool strict, std::vector<Error>* errs) {
  auto f = std::make_unique<File>();
  if (!ParseSyntaxInto(filename, data, f->syntax.get(), errs)) return nullptr;
  std::size_t before = errs->size();
  RuleParser(f.get(), fix, strict, errs).Run();
  if (errs->size() > before) return nullptr;
  return f;
}

}  // namespace

bool IsIndirect(const Line& line) {
  if (line.comments.suffix.empty()) return false;
  std::string_view t = line.comments.suffix[0].token;
  if (t.starts_with("//")) t.remove_prefix(2);
  std::string s = TrimSpace(t);
  std::string first = s.substr(0, s.find_first_of(" \t\n\r\v\f"));
  bool single = first.size() == s.size();
  return (single && first == "indirect") || (!single && first == "indirect;");
}

std::unique_ptr<File> Parse(std::string_view filename, std::string_view data,
                            const VersionFixer& fix, std::vector<Error>* errs) {
  return ParseToFile(filename, data, fix, true, errs);
}

std::unique_ptr<File> ParseLax(std::string_view filename, std::string_view data,
                               const VersionFixer& fix, std::vector<Error>* errs) {
  return ParseToFile(filename, data, fix, false, errs);
}

namespace {

// TakeNumber reads `0|[1-9][0-9]*` (or only the latter) from the front of *v.
bool TakeNumber(std::string_view* v, bool allow_zero) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (v->empty() || !digit(v->front())) return false;
  if (v->front() == '0') {
    if (!allow_zero) return false;
    v->remove_prefix(1);
    return true;
  }
  while (!v->empty() && digit(v->front())) v->remove_prefix(1);
  return true;
}

}  // namespace

// IsGoVersion matches ^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$
// by hand: compiling the regexp costs more than parsing a whole go.mod file.
bool IsGoVersion(std::string_view v) {
  if (!TakeNumber(&v, false) || !v.starts_with('.')) return false;
  v.remove_prefix(1);
  if (!TakeNumber(&v, true)) return false;
  if (v.starts_with('.')) {
    v.remove_prefix(1);
    if (!TakeNumber(&v, true)) return false;
  }
  if (v.empty()) return true;
  std::size_t letters = 0;
  while (letters < v.size() && v[letters] >= 'a' && v[letters] <= 'z') ++letters;
  if (letters == 0 || letters == v.size()) return false;
  for (char c : v.substr(letters))
    if (c < '0' || c > '9') return false;
  return true;
}

bool IsDirectoryPath(std::string_view ns) {
  return ns.starts_with("./") || ns.starts_with("../") || ns.starts_with("/") ||
         ns.starts_with(".\\") || ns.starts_with("..\\") || ns.starts_with("\\") ||
         (ns.size() >= 2 && ((ns[0] >= 'A' && ns[0] <= 'Z') || (ns[0] >= 'a' && ns[0] <= 'z')) &&
          ns[1] == ':');
}

std::string ModulePath(std::string_view mod) {
  while (!mod.empty()) {
    std::string_view line = mod;
    mod = {};
    if (std::size_t i = line.find('\n'); i != std::string_view::npos) {
      mod = line.substr(i + 1);
      line = line.substr(0, i);
    }
    if (std::size_t i = line.find("//"); i != std::string_view::npos) line = line.substr(0, i);
    std::string t = TrimSpace(line);
    if (!t.starts_with("module")) continue;
    std::string rest = t.substr(6);
    std::string trimmed = TrimSpace(rest);
    if (trimmed.size() == rest.size() || trimmed.empty()) continue;
    if (trimmed[0] == '"' || trimmed[0] == '`') {
      std::string p;
      if (trimmed[0] == '`') {
        if (trimmed.size() < 2 || trimmed.back() != '`') return "";
        p = trimmed.substr(1, trimmed.size() - 2);
        if (p.find('`') != std::string::npos) return "";
        return p;
      }
      return Unquote(trimmed, &p) ? p : "";
    }
    return trimmed;
  }
  return "";
}

}  // namespace gotool::modcache::modfile
