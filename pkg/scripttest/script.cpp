// The script interpreter: environment setup, line parsing and quoting, $VAR expansion,
// conditions, and the run loop with its log.
#include "pkg/scripttest/script.h"

#include <re2/re2.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "pkg/base/txtar.h"
#include "pkg/scripttest/process.h"
#include "pkg/scripttest/proxy.h"
#include "pkg/scripttest/state.h"

namespace gotool::scripttest {
namespace {

namespace fs = std::filesystem;

bool IsNameChar(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (std::size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size()))
    s.replace(i, from.size(), to);
  return s;
}

// IsRegexpCommand reports whether the first non-flag argument of name is a regexp.
bool IsRegexpCommand(const std::string& name) {
  return name == "stdout" || name == "stderr" || name == "grep";
}

void WriteFile(const std::string& path, const std::string& data) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << data;
  if (!out) State::Fatal("writing " + path);
}

}  // namespace

State::State(const Options& opts, std::string work_dir) : options(opts), work(std::move(work_dir)) {
  cd = work;
  const char* path = ::getenv("PATH");
  SetEnv("WORK", work);
  SetEnv("PATH", path != nullptr ? path : "/usr/bin:/bin");
  SetEnv("HOME", work + "/home");
  SetEnv("TMPDIR", work + "/tmp");
  SetEnv("PWD", work);
  SetEnv("GOTOOL", options.gotool);
  SetEnv("devnull", "/dev/null");
  for (const auto& [name, value] : options.env) SetEnv(name, value);
  env["/"] = "/";
  env[":"] = ":";
}

void State::SetEnv(const std::string& name, const std::string& value) {
  if (env.find(name) == env.end() ||
      std::find(env_order.begin(), env_order.end(), name) == env_order.end())
    env_order.push_back(name);
  env[name] = value;
}

std::vector<std::string> State::Environ() const {
  std::vector<std::string> out;
  for (const std::string& name : env_order) out.push_back(name + "=" + env.at(name));
  return out;
}

void State::Fatal(const std::string& message) { throw ScriptError{message}; }

std::string State::Abs(const std::string& file) const {
  if (!file.empty() && file[0] == '/') return file;
  return (fs::path(cd) / file).lexically_normal().string();
}

std::string State::Expand(const std::string& s, bool in_regexp) const {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '$' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    std::string name;
    std::size_t next = i + 1;
    if (s[next] == '{') {
      std::size_t close = s.find('}', next);
      if (close == std::string::npos) {  // as os.Expand: a bad ${ is dropped
        out += s.substr(i);
        break;
      }
      name = s.substr(next + 1, close - next - 1);
      i = close;
    } else if (s[next] == '/' || s[next] == ':') {  // ${/} and ${:} shorthands
      name = s.substr(next, 1);
      i = next;
    } else {
      std::size_t end = next;
      while (end < s.size() && IsNameChar(s[end])) ++end;
      if (end == next) {
        out += '$';
        continue;
      }
      name = s.substr(next, end - next);
      i = end - 1;
    }
    auto it = env.find(name);
    std::string value = it == env.end() ? "" : it->second;
    if (in_regexp) value = RE2::QuoteMeta(ReplaceAll(value, work, "$WORK"));
    out += value;
  }
  return out;
}

// AddWord adds one finished word of a line to cmd: a '!' or '?' prefix, a [condition],
// the command name, or an argument.
void State::AddWord(Command* cmd, const std::string& word, bool* is_regexp) {
  if (!cmd->name.empty()) {
    cmd->args.push_back(word);
    // Only the first argument after the flags is a regexp.
    if (word.empty() || word[0] != '-') *is_regexp = false;
    return;
  }
  if (word == "!" || word == "?") {
    if (cmd->want != Want::kSuccess) Fatal("duplicated '!' or '?' token");
    cmd->want = word == "!" ? Want::kFailure : Want::kEither;
    return;
  }
  if (word.size() >= 2 && word.front() == '[' && word.back() == ']') {
    std::string tag = word.substr(1, word.size() - 2);
    bool want = tag.empty() || tag[0] != '!';
    if (!want) tag = tag.substr(1);
    if (tag.empty()) Fatal("empty condition");
    cmd->conds.emplace_back(want, tag);
    return;
  }
  cmd->name = word;
  *is_regexp = IsRegexpCommand(word);
}

Command State::Parse(const std::string& line) const {
  Command cmd;
  std::string word;
  bool in_word = false, quoted = false, is_regexp = false;
  std::size_t start = std::string::npos;  // start of the pending unexpanded chunk
  auto take_chunk = [&](std::size_t end) {
    if (start != std::string::npos) word += Expand(line.substr(start, end - start), is_regexp);
  };
  for (std::size_t i = 0;; ++i) {
    bool end = i >= line.size();
    if (!quoted &&
        (end || line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '#')) {
      take_chunk(i);
      if (start != std::string::npos || in_word) AddWord(&cmd, word, &is_regexp);
      word.clear();
      in_word = false;
      start = std::string::npos;
      if (end || line[i] == '#') break;
      continue;
    }
    if (end) Fatal("unterminated quoted argument");
    if (line[i] != '\'') {
      if (start == std::string::npos) start = i;
      continue;
    }
    if (!quoted) {  // a quoted chunk starts: no expansion inside
      take_chunk(i);
      quoted = in_word = true;
    } else {
      word += line.substr(start, i - start);
      if (i + 1 < line.size() && line[i + 1] == '\'') {
        start = ++i;  // '' inside quotes is one quote, kept in the next chunk
        continue;
      } else {
        quoted = false;
      }
    }
    start = i + 1;
  }
  return cmd;
}

bool State::Cond(const std::string& tag) const {
  if (tag == "linux") return true;
  if (tag == "unix") return true;
  if (tag == "windows" || tag == "darwin" || tag == "plan9") return false;
  if (tag == "root") return ::geteuid() == 0;
  if (tag.rfind("exec:", 0) == 0) return !LookPath(tag.substr(5), env.at("PATH")).empty();
  if (tag == "short") return true;
  Fatal("unknown condition \"" + tag + "\"");
}

void State::Exec(Want want, const std::vector<std::string>& argv) {
  ProcessResult r = RunProcess(argv, Environ(), cd, options.timeout_seconds);
  stdout_text = r.stdout_text;
  stderr_text = r.stderr_text;
  if (!stdout_text.empty()) log += "[stdout]\n" + stdout_text;
  if (!stderr_text.empty()) log += "[stderr]\n" + stderr_text;
  if (r.exit_code < 0 && r.error.rfind("exec:", 0) == 0) Fatal(r.error);
  if (r.exit_code != 0) {
    log += "[" + (r.error.empty() ? "exit status " + std::to_string(r.exit_code) : r.error) + "]\n";
  }
  bool ok = r.exit_code == 0;
  if (want == Want::kSuccess && !ok) Fatal("unexpected command failure");
  if (want == Want::kFailure && ok) Fatal("unexpected command success");
  if (want == Want::kFailure && r.exit_code < 0) Fatal("unexpected command failure: " + r.error);
}

Result RunScript(const std::string& file, std::string_view text, const Options& options) {
  Result result;
  std::string tmpl = (fs::temp_directory_path() / "gotool-script-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    result.log = "FAIL: " + file + ": cannot create $WORK\n";
    return result;
  }
  State st(options, tmpl);
  std::unique_ptr<TestProxy> proxy;
  if (!options.proxy_dir.empty()) {
    proxy = std::make_unique<TestProxy>();
    std::string err = proxy->Load(options.proxy_dir);
    if (err.empty()) err = proxy->Start();
    if (!err.empty()) {
      result.log = "FAIL: " + file + ": test proxy: " + err + "\n";
      ::rmdir(tmpl.c_str());
      return result;
    }
    st.env["GOPROXY"] = proxy->URL();  // not in env_order: expanded, not exported
  }
  int lineno = 0;
  try {
    fs::create_directories(st.work + "/home");
    fs::create_directories(st.work + "/tmp");
    base::Txtar archive = base::ParseTxtar(text);
    for (const base::TxtarFile& f : archive.files)
      WriteFile(st.Abs(st.Expand(f.name, false)), f.data);
    std::string_view script = archive.comment;
    while (!script.empty()) {
      ++lineno;
      std::size_t nl = script.find('\n');
      std::string line(script.substr(0, nl));
      script = nl == std::string_view::npos ? std::string_view() : script.substr(nl + 1);
      if (line.rfind("#", 0) == 0) {
        st.log += line + "\n";
        continue;
      }
      Command cmd = st.Parse(line);
      if (cmd.name.empty()) {
        if (cmd.want != Want::kSuccess || !cmd.conds.empty()) State::Fatal("missing command");
        continue;
      }
      bool run = true;
      for (const auto& [want, tag] : cmd.conds) run = run && st.Cond(tag) == want;
      st.log += "> " + line + "\n";
      if (!run) continue;
      RunBuiltin(st, cmd);
    }
    result.passed = true;
  } catch (const ScriptError& e) {
    st.log += "FAIL: " + file + ":" + std::to_string(lineno) + ": " + e.message + "\n";
  } catch (const ScriptStop& s) {
    result.passed = true;
    result.skipped = s.skip;
    st.log += (s.skip ? "skip" : "stop") + (s.message.empty() ? "" : ": " + s.message) + "\n";
  } catch (const std::exception& e) {
    st.log += "FAIL: " + file + ":" + std::to_string(lineno) + ": " + e.what() + "\n";
  }
  result.log = ReplaceAll(st.log, st.work, "$WORK");
  if (!options.keep_work) {
    std::error_code ec;
    fs::permissions(st.work, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(st.work, ec);
  } else {
    result.log += "$WORK is " + st.work + "\n";
  }
  return result;
}

}  // namespace gotool::scripttest
