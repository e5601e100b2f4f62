// `mod edit`: flag checks, the edits in command-line order, -print/-json/rewrite.
#include "modcache/modedit.h"

#include "pkg/base/atomic_file.h"

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "modcache/gojson.h"
#include "modcache/module.h"

namespace gotool::modcache {
namespace {

// Fatal carries a message that ends the command with exit status 1.
struct Fatal {
  std::string message;
};

std::string TrimSpace(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n\r\v\f");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\n\r\v\f") - b + 1));
}

// AllowedVersionArg reports whether a version may be written to go.mod unquoted;
// non-semver versions such as "master" are kept for the go command to resolve later.
bool AllowedVersionArg(std::string_view v) { return !modfile::MustQuote(v); }

std::pair<std::string, std::string> ParsePathVersion(const std::string& flag,
                                                     const std::string& arg) {
  std::size_t i = arg.find('@');
  if (i == std::string::npos)
    throw Fatal{fmt::format("gotool: -{}={}: need path@version", flag, arg)};
  std::string path = TrimSpace(arg.substr(0, i)), version = TrimSpace(arg.substr(i + 1));
  if (auto err = module::CheckImportPath(path))
    throw Fatal{fmt::format("gotool: -{}={}: invalid path: {}", flag, arg, err->Message())};
  if (!AllowedVersionArg(version))
    throw Fatal{
        fmt::format("gotool: -{}={}: invalid version {}", flag, arg, module::Quote(version))};
  return {path, version};
}

std::string ParsePath(const std::string& flag, const std::string& arg) {
  if (arg.find('@') != std::string::npos)
    throw Fatal{fmt::format("gotool: -{}={}: need just path, not path@version", flag, arg)};
  if (auto err = module::CheckImportPath(arg))
    throw Fatal{fmt::format("gotool: -{}={}: invalid path: {}", flag, arg, err->Message())};
  return arg;
}

// ParsePathVersionOptional parses path[@version]; adj ("old", "new") names it in errors.
bool ParsePathVersionOptional(const std::string& adj, const std::string& arg, bool allow_dir,
                              std::string* path, std::string* version, std::string* err) {
  std::size_t i = arg.find('@');
  if (i == std::string::npos) {
    *path = arg;
  } else {
    *path = TrimSpace(arg.substr(0, i));
    *version = TrimSpace(arg.substr(i + 1));
  }
  if (auto perr = module::CheckImportPath(*path)) {
    if (!allow_dir || !modfile::IsDirectoryPath(*path)) {
      *err = fmt::format("invalid {} path: {}", adj, perr->Message());
      return false;
    }
  }
  if (*path != arg && !AllowedVersionArg(*version)) {
    *err = fmt::format("invalid {} version: {}", adj, module::Quote(*version));
    return false;
  }
  return true;
}

modfile::VersionInterval ParseInterval(const std::string& flag, const std::string& arg) {
  auto fail = [&](const std::string& what) {
    return Fatal{fmt::format("gotool: -{}={}: {}: {}", flag, arg, what, module::Quote(arg))};
  };
  if (!arg.starts_with("[")) {
    if (!AllowedVersionArg(arg)) throw fail("invalid version");
    return {arg, arg};
  }
  if (!arg.ends_with("]")) throw fail("invalid version interval");
  std::string s = arg.substr(1, arg.size() - 2);
  std::size_t i = s.find(',');
  if (i == std::string::npos) throw fail("invalid version interval");
  std::string low = TrimSpace(s.substr(0, i)), high = TrimSpace(s.substr(i + 1));
  if (!AllowedVersionArg(low) || !AllowedVersionArg(high)) throw fail("invalid version interval");
  return {low, high};
}

using Edit = std::function<void(modfile::File*)>;

// ParseReplace checks -replace=old[@v]=new[@w].
Edit ParseReplace(const std::string& arg) {
  std::size_t i = arg.find('=');
  if (i == std::string::npos)
    throw Fatal{fmt::format("gotool: -replace={}: need old[@v]=new[@w] (missing =)", arg)};
  std::string old_arg = TrimSpace(arg.substr(0, i)), new_arg = TrimSpace(arg.substr(i + 1));
  if (new_arg.starts_with(">"))
    throw Fatal{
        fmt::format("gotool: -replace={}: separator between old and new is =, not =>", arg)};
  std::string old_path, old_version, new_path, new_version, err;
  if (!ParsePathVersionOptional("old", old_arg, false, &old_path, &old_version, &err) ||
      !ParsePathVersionOptional("new", new_arg, true, &new_path, &new_version, &err))
    throw Fatal{fmt::format("gotool: -replace={}: {}", arg, err)};
  if (new_path == new_arg && !modfile::IsDirectoryPath(new_arg))
    throw Fatal{
        fmt::format("gotool: -replace={}: unversioned new path must be local directory", arg)};
  return [=](modfile::File* f) { f->AddReplace(old_path, old_version, new_path, new_version); };
}

// ParseEdit checks one list flag and returns its edit; it throws Fatal as the go
// command's flag parsing does.
Edit ParseEdit(const std::string& name, const std::string& arg) {
  if (name == "require") {
    auto [path, version] = ParsePathVersion(name, arg);
    return [=](modfile::File* f) { f->AddRequire(path, version); };
  }
  if (name == "droprequire") {
    std::string path = ParsePath(name, arg);
    return [=](modfile::File* f) { f->DropRequire(path); };
  }
  if (name == "exclude" || name == "dropexclude") {
    auto [path, version] = ParsePathVersion(name, arg);
    if (name == "dropexclude") return [=](modfile::File* f) { f->DropExclude(path, version); };
    return [=](modfile::File* f) {
      if (std::string err = f->AddExclude(path, version); !err.empty())
        throw Fatal{fmt::format("gotool: -exclude={}: {}", arg, err)};
    };
  }
  if (name == "replace") return ParseReplace(arg);
  if (name == "dropreplace") {
    std::string path, version, err;
    if (!ParsePathVersionOptional("old", arg, true, &path, &version, &err))
      throw Fatal{fmt::format("gotool: -dropreplace={}: {}", arg, err)};
    return [=](modfile::File* f) { f->DropReplace(path, version); };
  }
  if (name == "retract" || name == "dropretract") {
    modfile::VersionInterval vi = ParseInterval(name, arg);
    if (name == "dropretract") return [=](modfile::File* f) { f->DropRetract(vi); };
    return [=](modfile::File* f) {
      if (std::string err = f->AddRetract(vi, ""); !err.empty())
        throw Fatal{fmt::format("gotool: -retract={}: {}", arg, err)};
    };
  }
  if (name == "godebug") {
    std::size_t eq = arg.find('=');
    if (eq == std::string::npos || modfile::MustQuote(arg))
      throw Fatal{fmt::format("gotool: -godebug={}: need key=value", arg)};
    std::string key = arg.substr(0, eq), value = arg.substr(eq + 1);
    return [=](modfile::File* f) { f->AddGodebug(key, value); };
  }
  if (name == "dropgodebug") return [=](modfile::File* f) { f->DropGodebug(arg); };
  return nullptr;
}

// FindGoMod looks for go.mod in dir and its parents.
std::string FindGoMod(std::filesystem::path dir) {
  std::error_code ec;
  for (;;) {
    std::filesystem::path p = dir / "go.mod";
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
    std::filesystem::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return "";
    dir = parent;
  }
}

// ReadFile reads path; errors name the file as shown (the path as given).
bool ReadFile(const std::string& path, const std::string& shown, std::string* data,
              std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    *err = fmt::format("open {}: {}", shown,
                       exists ? "permission denied" : "no such file or directory");
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *data = ss.str();
  return true;
}

// Options are the single-valued flags of `mod edit`, last one winning.
struct Options {
  std::string module, go, toolchain, modfile;
  bool json = false, print = false, fmt = false;
  std::vector<std::pair<std::string, Edit>> edits;
};

Options ParseFlags(const EditRequest& req) {
  Options o;
  for (const EditFlag& f : req.flags) {
    if (f.name == "module")
      o.module = f.value;
    else if (f.name == "go")
      o.go = f.value;
    else if (f.name == "toolchain")
      o.toolchain = f.value;
    else if (f.name == "modfile")
      o.modfile = f.value;
    else if (f.name == "json")
      o.json = f.value == "true";
    else if (f.name == "print")
      o.print = f.value == "true";
    else if (f.name == "fmt")
      o.fmt = f.value == "true";
    else if (Edit e = ParseEdit(f.name, f.value))
      o.edits.emplace_back(f.name, std::move(e));
  }
  return o;
}

void CheckOptions(const Options& o, const EditRequest& req) {
  bool any = !o.module.empty() || !o.go.empty() || !o.toolchain.empty() || o.json || o.print ||
             o.fmt || !o.edits.empty();
  if (!any) throw Fatal{"gotool: no flags specified (see 'gotool help mod edit')."};
  if (o.json && o.print) throw Fatal{"gotool: cannot use both -json and -print"};
  if (req.args.size() > 1) throw Fatal{"gotool: too many arguments"};
  if (!o.module.empty()) {
    if (auto err = module::CheckImportPath(o.module))
      throw Fatal{"gotool: invalid -module: " + err->Message()};
  }
  if (!o.go.empty() && o.go != "none" && !modfile::IsGoVersion(o.go))
    throw Fatal{fmt::format("gotool mod: invalid -go option; expecting something like \"-go {}\"",
                            req.go_version)};
  if (!o.toolchain.empty() && o.toolchain != "none" && o.toolchain != "default" &&
      !(o.toolchain == "go1" || o.toolchain.starts_with("go1.")))
    throw Fatal{fmt::format(
        "gotool: invalid -toolchain option; expecting something like \"-toolchain go{}\"",
        req.go_version)};
}

// MainModFile returns the go.mod of the main module (found from cwd upwards), or the
// -modfile that stands in for it.
std::string MainModFile(const Options& o, const std::string& cwd) {
  std::string gomod = FindGoMod(cwd);
  if (gomod.empty() && !o.modfile.empty())
    throw Fatal{
        "gotool: cannot find main module, but -modfile was set.\n"
        "\t-modfile cannot be used to set the module root directory."};
  if (gomod.empty())
    throw Fatal{
        "gotool: go.mod file not found in current directory or any parent directory; "
        "see 'gotool help modules'"};
  if (!o.modfile.empty() && !o.modfile.ends_with(".mod"))
    throw Fatal{fmt::format("gotool: -modfile={}: file does not have .mod extension", o.modfile)};
  return o.modfile.empty() ? gomod : o.modfile;
}

void Apply(const Options& o, modfile::File* f) {
  if (!o.module.empty()) f->AddModuleStmt(o.module);
  if (o.go == "none") {
    f->DropGoStmt();
  } else if (!o.go.empty()) {
    f->AddGoStmt(o.go);
  }
  if (o.toolchain == "none") {
    f->DropToolchainStmt();
  } else if (!o.toolchain.empty()) {
    f->AddToolchainStmt(o.toolchain);
  }
  for (const auto& [name, edit] : o.edits) edit(f);
  f->SortBlocks();
  f->Cleanup();
}

CommandResult Edit1(const EditRequest& req) {
  Options o = ParseFlags(req);
  CheckOptions(o, req);
  std::string gomod = req.args.size() == 1 ? req.args[0] : MainModFile(o, req.cwd);
  std::string data, err;
  std::string abs = std::filesystem::path(gomod).is_absolute() ? gomod : req.cwd + "/" + gomod;
  if (!ReadFile(abs, gomod, &data, &err)) throw Fatal{"gotool: " + err};
  std::vector<modfile::Error> errs;
  auto f = modfile::Parse(gomod, data, nullptr, &errs);
  if (!f)
    throw Fatal{fmt::format("gotool: errors parsing {}:\n{}", ShortPath(req.cwd, gomod),
                            modfile::ErrorMessages(errs))};
  Apply(o, f.get());
  CommandResult r;
  if (o.json) {
    r.out = EditJSON(*f);
    return r;
  }
  std::string out = f->Format();
  if (o.print) {
    r.out = out;
    return r;
  }
  std::string now;
  if (!ReadFile(abs, gomod, &now, &err)) throw Fatal{"gotool: " + err};
  if (now != data) throw Fatal{"gotool: go.mod changed during editing; not overwriting"};
  if (std::string werr = WriteFileAtomic(abs, out); !werr.empty()) throw Fatal{"gotool: " + werr};
  return r;
}

void VersionFields(JSONWriter* w, const module::Version& v) {
  w->String("Path", v.path);
  if (!v.version.empty()) w->String("Version", v.version);
}

}  // namespace

CommandResult ModEdit(const EditRequest& req) {
  try {
    return Edit1(req);
  } catch (const Fatal& f) {
    return CommandResult{1, "", f.message + "\n"};
  }
}

std::string EditJSON(const modfile::File& f) {
  JSONWriter w;
  w.BeginObject();
  w.BeginObject("Module");
  w.String("Path", f.module ? f.module->mod.path : "");
  if (f.module && !f.module->deprecated.empty()) w.String("Deprecated", f.module->deprecated);
  w.EndObject();
  if (f.go && !f.go->version.empty()) w.String("Go", f.go->version);
  if (f.toolchain && !f.toolchain->name.empty()) w.String("Toolchain", f.toolchain->name);
  if (!f.godebug.empty()) {
    w.BeginArray("Godebug");
    for (const auto& g : f.godebug) {
      w.BeginObject();
      w.String("Key", g->key);
      w.String("Value", g->value);
      w.EndObject();
    }
    w.EndArray();
  }
  auto list = [&](const char* key, std::size_t n, const std::function<void(std::size_t)>& item) {
    if (n == 0) return w.Null(key);
    w.BeginArray(key);
    for (std::size_t i = 0; i < n; ++i) {
      w.BeginObject();
      item(i);
      w.EndObject();
    }
    w.EndArray();
  };
  list("Require", f.require.size(), [&](std::size_t i) {
    VersionFields(&w, f.require[i]->mod);
    if (f.require[i]->indirect) w.Bool("Indirect", true);
  });
  list("Exclude", f.exclude.size(), [&](std::size_t i) { VersionFields(&w, f.exclude[i]->mod); });
  list("Replace", f.replace.size(), [&](std::size_t i) {
    w.BeginObject("Old");
    VersionFields(&w, f.replace[i]->old_mod);
    w.EndObject();
    w.BeginObject("New");
    VersionFields(&w, f.replace[i]->new_mod);
    w.EndObject();
  });
  list("Retract", f.retract.size(), [&](std::size_t i) {
    const modfile::Retract& r = *f.retract[i];
    if (!r.interval.low.empty()) w.String("Low", r.interval.low);
    if (!r.interval.high.empty()) w.String("High", r.interval.high);
    if (!r.rationale.empty()) w.String("Rationale", r.rationale);
  });
  w.EndObject();
  return w.Take();
}

std::string ShortPath(const std::string& cwd, const std::string& path) {
  std::filesystem::path p(path);
  if (!p.is_absolute()) return path;
  std::string rel = std::filesystem::path(path).lexically_relative(cwd).string();
  if (!rel.empty() && rel.size() < path.size()) return rel;
  return path;
}

std::string WriteFileAtomic(const std::string& path, const std::string& data) {
  // An existing go.mod must be writable, as when the go command rewrites it in place;
  // it keeps its permissions (base::WriteFileAtomic sees to that).
  if (access(path.c_str(), F_OK) == 0 && access(path.c_str(), W_OK) != 0) {
    return fmt::format("open {}: permission denied", path);
  }
  return base::WriteFileAtomic(path, data);
}

}  // namespace gotool::modcache
