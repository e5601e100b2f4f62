// Test packages: a package with its _test.go files and its external _test package.
#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pkg/load/loader.h"

namespace gotool::load {
namespace {

// MergeSorted returns the sorted union of two sorted lists.
std::vector<std::string> MergeSorted(const std::vector<std::string>& a,
                                     const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// DependsOn reports whether target is among lp's dependencies (transitively).
bool DependsOn(LoadedPackage* lp, LoadedPackage* target) {
  std::set<LoadedPackage*> seen;
  std::vector<LoadedPackage*> todo(lp->imports.begin(), lp->imports.end());
  while (!todo.empty()) {
    LoadedPackage* p = todo.back();
    todo.pop_back();
    if (p == target) return true;
    if (!seen.insert(p).second) continue;
    todo.insert(todo.end(), p->imports.begin(), p->imports.end());
  }
  return false;
}

// CycleStack returns the go command's stack for a test import cycle: the shortest
// import chain from start to target, listed from target back to start.
std::vector<std::string> CycleStack(LoadedPackage* start, LoadedPackage* target) {
  std::map<LoadedPackage*, LoadedPackage*> importer_of{{start, nullptr}};
  std::deque<LoadedPackage*> queue{start};
  while (!queue.empty()) {
    LoadedPackage* p = queue.front();
    queue.pop_front();
    if (p == target) {
      std::vector<std::string> stack;
      for (LoadedPackage* q = p; q != nullptr; q = importer_of[q]) {
        stack.push_back(q->pkg.import_path);
      }
      return stack;
    }
    for (LoadedPackage* d : p->imports) {
      if (importer_of.emplace(d, p).second) queue.push_back(d);
    }
  }
  return {start->pkg.import_path};
}

}  // namespace

LoadedPackage* Loader::NewVariant(const LoadedPackage& from) {
  variants_.push_back(std::make_unique<LoadedPackage>(from));
  return variants_.back().get();
}

LoadedPackage* Loader::RecompileForTest(LoadedPackage* lp, LoadedPackage* p, LoadedPackage* ptest,
                                        std::map<LoadedPackage*, LoadedPackage*>* done) {
  if (lp == p) return ptest;
  if (auto it = done->find(lp); it != done->end()) return it->second;
  (*done)[lp] = lp;  // also breaks cycles, which are reported elsewhere
  if (!DependsOn(lp, p)) return lp;
  LoadedPackage* copy = NewVariant(*lp);
  (*done)[lp] = copy;
  for (LoadedPackage*& d : copy->imports) d = RecompileForTest(d, p, ptest, done);
  return copy;
}

TestVariants Loader::LoadTestPackages(LoadedPackage* p) {
  if (auto it = tests_.find(p); it != tests_.end()) return it->second;
  TestVariants tv{p, nullptr};
  const Package& pkg = p->pkg;
  if (!pkg.test_go_files.empty()) {
    LoadedPackage* ptest = NewVariant(LoadedPackage{});
    ptest->pkg = pkg;
    ptest->pkg.go_files.insert(ptest->pkg.go_files.end(), pkg.test_go_files.begin(),
                               pkg.test_go_files.end());
    ptest->pkg.imports = MergeSorted(pkg.imports, pkg.test_imports);
    for (const auto& [path, pos] : pkg.test_import_pos) {
      auto& all = ptest->pkg.import_pos[path];
      all.insert(all.end(), pos.begin(), pos.end());
    }
    stack_.push_back(pkg.import_path + " (test)");
    ResolveImports(ptest);
    stack_.pop_back();
    for (LoadedPackage* d : ptest->imports) {
      if (d != p && !DependsOn(d, p)) continue;
      std::vector<std::string> stack = CycleStack(d, p);
      std::string msg = "package " + stack[0];
      for (size_t i = 1; i < stack.size(); i++) msg += "\n\timports " + stack[i];
      ptest->errors.push_back(msg + ": import cycle not allowed in test");
      break;
    }
    tv.ptest = ptest;
  }
  if (!pkg.xtest_go_files.empty()) {
    LoadedPackage* pxtest = NewVariant(LoadedPackage{});
    Package& x = pxtest->pkg;
    x.dir = pkg.dir;
    x.goroot = pkg.goroot;
    x.name = pkg.name + "_test";
    x.import_path = pkg.import_path + "_test";
    x.go_files = pkg.xtest_go_files;
    x.imports = pkg.xtest_imports;
    x.import_pos = pkg.xtest_import_pos;
    stack_.push_back(x.import_path);
    ResolveImports(pxtest);
    stack_.pop_back();
    if (tv.ptest != p) {  // dependencies that import p must see ptest instead
      std::map<LoadedPackage*, LoadedPackage*> done;
      for (LoadedPackage*& d : pxtest->imports) d = RecompileForTest(d, p, tv.ptest, &done);
    }
    tv.pxtest = pxtest;
  }
  tests_[p] = tv;
  return tv;
}

}  // namespace gotool::load
