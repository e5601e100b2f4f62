// The script commands: gotool, exec, stdout/stderr/grep, cmp/cmpenv, env, cd, files.
#include <re2/re2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "pkg/scripttest/state.h"

namespace gotool::scripttest {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) State::Fatal("open " + path + ": no such file or directory");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t i = s.find(from); !from.empty() && i != std::string::npos;
       i = s.find(from, i + to.size()))
    s.replace(i, from.size(), to);
  return s;
}

void RequireSuccess(const Command& cmd) {
  if (cmd.want != Want::kSuccess)
    State::Fatal("unsupported: " + std::string(cmd.want == Want::kFailure ? "!" : "?") + " " +
                 cmd.name);
}

void CmdGotool(State& st, const Command& cmd) {
  std::vector<std::string> argv = {st.options.gotool};
  argv.insert(argv.end(), cmd.args.begin(), cmd.args.end());
  st.Exec(cmd.want, argv);
}

void CmdExec(State& st, const Command& cmd) {
  if (cmd.args.empty()) State::Fatal("usage: exec program [args...]");
  st.Exec(cmd.want, cmd.args);
}

// CmdMatch implements stdout, stderr and grep: [-count=N] [-q] 'regexp' [file].
void CmdMatch(State& st, const Command& cmd) {
  if (cmd.want == Want::kEither) State::Fatal("unsupported: ? " + cmd.name);
  std::vector<std::string> args = cmd.args;
  int count = 0;
  if (!args.empty() && args[0].rfind("-count=", 0) == 0) {
    if (cmd.want == Want::kFailure) State::Fatal("cannot use -count= with negated match");
    try {
      count = std::stoi(args[0].substr(7));
    } catch (const std::exception&) {
      State::Fatal("bad -count=: " + args[0]);
    }
    if (count < 1) State::Fatal("bad -count=: must be at least 1");
    args.erase(args.begin());
  }
  bool quiet = !args.empty() && args[0] == "-q";
  if (quiet) args.erase(args.begin());
  bool grep = cmd.name == "grep";
  if (args.size() != (grep ? 2u : 1u))
    State::Fatal("usage: " + cmd.name + " [-count=N] 'pattern'" + (grep ? " file" : ""));
  std::string pattern = "(?m)" + args[0];
  RE2 re(pattern);
  if (!re.ok()) State::Fatal("regexp.Compile(`" + pattern + "`): " + re.error());
  std::string name = cmd.name;
  std::string text = cmd.name == "stdout" ? st.stdout_text : st.stderr_text;
  if (grep) {
    name = args[1];
    text = ReadFile(st.Abs(args[1]));
  }
  text = ReplaceAll(text, st.work, "$WORK");  // patterns say $WORK, not the temp path
  re2::StringPiece input(text), match;
  bool found = RE2::PartialMatch(input, re);
  if (cmd.want == Want::kFailure) {
    if (found) {
      RE2::PartialMatch(input, RE2("(" + pattern + ")"), &match);
      if (grep && !quiet) st.log += "[" + name + "]\n" + text + "\n";
      State::Fatal("unexpected match for `" + pattern + "` found in " + name + ": " +
                   std::string(match));
    }
    return;
  }
  if (!found) {
    if (grep && !quiet) st.log += "[" + name + "]\n" + text + "\n";
    State::Fatal("no match for `" + pattern + "` found in " + name);
  }
  if (count > 0) {
    int n = 0;
    re2::StringPiece rest(text);
    while (RE2::FindAndConsume(&rest, RE2("(" + pattern + ")"), &match)) {
      ++n;
      if (match.empty()) {  // step past an empty match
        if (rest.empty()) break;
        rest.remove_prefix(1);
      }
    }
    if (n != count)
      State::Fatal("have " + std::to_string(n) + " matches for `" + pattern + "`, want " +
                   std::to_string(count));
  }
}

// CmdCmp implements cmp and cmpenv: compare a file (or stdout/stderr) with another.
void CmdCmp(State& st, const Command& cmd) {
  if (cmd.args.size() != 2) State::Fatal("usage: " + cmd.name + " file1 file2");
  const std::string& name1 = cmd.args[0];
  const std::string& name2 = cmd.args[1];
  std::string text1 = name1 == "stdout"   ? st.stdout_text
                      : name1 == "stderr" ? st.stderr_text
                                          : ReadFile(st.Abs(name1));
  std::string text2 = ReadFile(st.Abs(name2));
  if (cmd.name == "cmpenv") {
    text1 = st.Expand(text1, false);
    text2 = st.Expand(text2, false);
  }
  bool eq = text1 == text2;
  if (!eq && cmd.want != Want::kFailure)
    st.log += "[diff -" + name1 + " +" + name2 + "]\n" + Diff(text1, text2) + "\n";
  switch (cmd.want) {
    case Want::kFailure:
      if (eq) State::Fatal(name1 + " and " + name2 + " do not differ");
      break;
    case Want::kSuccess:
      if (!eq) State::Fatal(name1 + " and " + name2 + " differ");
      break;
    case Want::kEither:
      st.log += name1 + " and " + name2 + (eq ? " do not differ\n" : " differ\n");
      break;
  }
}

void CmdEnv(State& st, const Command& cmd) {
  RequireSuccess(cmd);
  std::string out;
  std::vector<std::string> args = cmd.args;
  bool quote = !args.empty() && args[0] == "-r";
  if (quote) args.erase(args.begin());
  if (args.empty()) {
    for (const std::string& e : st.Environ()) out += e + "\n";
  }
  for (const std::string& a : args) {
    std::size_t eq = a.find('=');
    if (eq == std::string::npos) {
      auto it = st.env.find(a);
      out += a + "=" + (it == st.env.end() ? "" : it->second) + "\n";
      continue;
    }
    std::string value = a.substr(eq + 1);
    st.SetEnv(a.substr(0, eq), quote ? RE2::QuoteMeta(value) : value);
  }
  st.stdout_text = out;
  st.log += out;
}

void CmdCd(State& st, const Command& cmd) {
  RequireSuccess(cmd);
  if (cmd.args.size() != 1) State::Fatal("usage: cd dir");
  std::string dir = st.Abs(cmd.args[0]);
  std::error_code ec;
  if (!fs::exists(dir, ec)) State::Fatal("directory " + dir + " does not exist");
  if (!fs::is_directory(dir, ec)) State::Fatal(dir + " is not a directory");
  st.cd = dir;
  st.SetEnv("PWD", dir);
  st.log += dir + "\n";
}

void CmdExists(State& st, const Command& cmd) {
  if (cmd.want == Want::kEither) State::Fatal("unsupported: ? exists");
  std::vector<std::string> args = cmd.args;
  bool readonly = false, exec = false;
  while (!args.empty() && (args[0] == "-readonly" || args[0] == "-exec")) {
    (args[0] == "-readonly" ? readonly : exec) = true;
    args.erase(args.begin());
  }
  if (args.empty()) State::Fatal("usage: exists [-readonly] [-exec] file...");
  for (const std::string& file : args) {
    struct stat info;
    bool exists = ::lstat(st.Abs(file).c_str(), &info) == 0;
    if (exists && cmd.want == Want::kFailure) State::Fatal(file + " exists but should not");
    if (!exists && cmd.want == Want::kSuccess) State::Fatal(file + " does not exist");
    if (exists && readonly && (info.st_mode & 0222) != 0)
      State::Fatal(file + " exists but is writable");
    if (exists && exec && (info.st_mode & 0111) == 0)
      State::Fatal(file + " exists but is not executable");
  }
}

void CmdMkdir(State& st, const Command& cmd) {
  RequireSuccess(cmd);
  if (cmd.args.empty()) State::Fatal("usage: mkdir dir...");
  for (const std::string& dir : cmd.args) fs::create_directories(st.Abs(dir));
}

void CmdRm(State& st, const Command& cmd) {
  RequireSuccess(cmd);
  if (cmd.args.empty()) State::Fatal("usage: rm file...");
  for (const std::string& file : cmd.args) {
    std::string path = st.Abs(file);
    std::error_code ec;
    // Make directories writable first so that read-only trees can be removed.
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
    if (ec) State::Fatal("rm " + file + ": " + ec.message());
  }
}

void CmdCp(State& st, const Command& cmd) {
  if (cmd.args.size() < 2) State::Fatal("usage: cp src... dst");
  std::string dst = st.Abs(cmd.args.back());
  std::error_code ec;
  bool dst_dir = fs::is_directory(dst, ec);
  if (cmd.args.size() > 2 && !dst_dir)
    State::Fatal("cp: destination " + dst + " is not a directory");
  for (std::size_t i = 0; i + 1 < cmd.args.size(); ++i) {
    const std::string& arg = cmd.args[i];
    std::string src = arg, data;
    fs::perms mode = fs::perms(0666);
    if (arg == "stdout" || arg == "stderr") {
      data = arg == "stdout" ? st.stdout_text : st.stderr_text;
    } else {
      src = st.Abs(arg);
      data = ReadFile(src);
      mode = fs::status(src).permissions() & fs::perms(0777);
    }
    std::string target = dst_dir ? (fs::path(dst) / fs::path(src).filename()).string() : dst;
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << data;
    bool ok = static_cast<bool>(out);
    out.close();
    if (ok) fs::permissions(target, mode, ec);
    if (cmd.want == Want::kFailure && ok) State::Fatal("unexpected command success");
    if (cmd.want == Want::kSuccess && !ok) State::Fatal("cp " + arg + ": cannot write " + target);
  }
}

void CmdMv(State& st, const Command& cmd) {
  RequireSuccess(cmd);
  if (cmd.args.size() != 2) State::Fatal("usage: mv old new");
  std::error_code ec;
  fs::rename(st.Abs(cmd.args[0]), st.Abs(cmd.args[1]), ec);
  if (ec) State::Fatal("mv: " + ec.message());
}

void CmdChmod(State& st, const Command& cmd) {
  RequireSuccess(cmd);
  if (cmd.args.size() < 2) State::Fatal("usage: chmod perm paths...");
  unsigned long perm = 0;
  try {
    perm = std::stoul(cmd.args[0], nullptr, 8);
  } catch (const std::exception&) {
    State::Fatal("invalid mode: " + cmd.args[0]);
  }
  if (perm > 0777) State::Fatal("invalid mode: " + cmd.args[0]);
  for (std::size_t i = 1; i < cmd.args.size(); ++i)
    if (::chmod(st.Abs(cmd.args[i]).c_str(), static_cast<mode_t>(perm)) != 0)
      State::Fatal("chmod " + cmd.args[i] + " failed");
}

std::string Join(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) s += (s.empty() ? "" : " ") + a;
  return s;
}

}  // namespace

void RunBuiltin(State& st, const Command& cmd) {
  const std::string& n = cmd.name;
  if (n == "gotool") return CmdGotool(st, cmd);
  if (n == "exec") return CmdExec(st, cmd);
  if (n == "stdout" || n == "stderr" || n == "grep") return CmdMatch(st, cmd);
  if (n == "cmp" || n == "cmpenv") return CmdCmp(st, cmd);
  if (n == "env") return CmdEnv(st, cmd);
  if (n == "cd") return CmdCd(st, cmd);
  if (n == "exists") return CmdExists(st, cmd);
  if (n == "mkdir") return CmdMkdir(st, cmd);
  if (n == "rm") return CmdRm(st, cmd);
  if (n == "cp") return CmdCp(st, cmd);
  if (n == "mv") return CmdMv(st, cmd);
  if (n == "chmod") return CmdChmod(st, cmd);
  if (n == "skip") throw ScriptStop{true, Join(cmd.args)};
  if (n == "stop") throw ScriptStop{false, Join(cmd.args)};
  State::Fatal("unknown command \"" + n + "\"");
}

std::string Diff(const std::string& a, const std::string& b) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
      std::size_t nl = s.find('\n', start);
      std::size_t end = nl == std::string::npos ? s.size() : nl + 1;
      out.push_back(s.substr(start, end - start));
      start = end;
    }
    return out;
  };
  std::vector<std::string> x = lines(a), y = lines(b);
  // Longest common subsequence table, then a walk that emits -/+/space lines.
  std::vector<std::vector<int>> lcs(x.size() + 1, std::vector<int>(y.size() + 1, 0));
  for (std::size_t i = x.size(); i-- > 0;)
    for (std::size_t j = y.size(); j-- > 0;)
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  auto emit = [&](char tag, const std::string& line) {
    out += tag;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      emit(' ', x[i++]);
      ++j;
    } else if (i < x.size() && (j == y.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      emit('-', x[i++]);
    } else {
      emit('+', y[j++]);
    }
  }
  return out;
}

}  // namespace gotool::scripttest
