// Which packages use type parameters: declarations and uses of imported generics.
#include "pkg/load/generics.h"

#include <map>

#include "pkg/syntax/walk.h"

namespace gotool::load {
namespace {

// UnquoteImport strips the quotes of an import path literal ("p" or `p`).
std::string_view UnquoteImport(std::string_view lit) {
  return lit.size() >= 2 ? lit.substr(1, lit.size() - 2) : lit;
}

// CollectDeclarations records the package-level generic types and functions of f.
void CollectDeclarations(syntax::File* f, GenericUse* use) {
  for (syntax::Decl* d : f->Decls) {
    if (auto* fd = syntax::DynCast<syntax::FuncDecl>(d)) {
      if (fd->Type != nullptr && fd->Type->TypeParams != nullptr && fd->Recv == nullptr &&
          fd->Name != nullptr) {
        use->generic_names.emplace(fd->Name->Name);
      }
      continue;
    }
    auto* gd = syntax::DynCast<syntax::GenDecl>(d);
    if (gd == nullptr) continue;
    for (syntax::Spec* s : gd->Specs) {
      auto* ts = syntax::DynCast<syntax::TypeSpec>(s);
      if (ts != nullptr && ts->TypeParams != nullptr && ts->Name != nullptr) {
        use->generic_names.emplace(ts->Name->Name);
      }
    }
  }
}

// FileImports maps the names under which f's imports are visible to the imported
// packages' generic names; dot-imports' generic names go to *dot.
std::map<std::string, const std::set<std::string>*> FileImports(syntax::File* f,
                                                                const ImportedGenerics& imported,
                                                                std::set<std::string>* dot) {
  std::map<std::string, const std::set<std::string>*> names;
  for (syntax::ImportSpec* spec : f->Imports) {
    if (spec->Path == nullptr) continue;
    auto [pkg_name, use] = imported(UnquoteImport(spec->Path->Value));
    if (use == nullptr || use->generic_names.empty()) continue;
    std::string name = spec->Name != nullptr ? std::string(spec->Name->Name) : pkg_name;
    if (name == ".") {
      dot->insert(use->generic_names.begin(), use->generic_names.end());
    } else if (name != "_" && !name.empty()) {
      names[name] = &use->generic_names;
    }
  }
  return names;
}

// ScanFile sets use's declares and instantiates flags from f's nodes.
void ScanFile(syntax::File* f, const ImportedGenerics& imported, GenericUse* use) {
  std::set<std::string> dot;
  auto names = FileImports(f, imported, &dot);
  syntax::Inspect(f, [&](syntax::Node* n) {
    if (n == nullptr) return false;
    if (auto* ft = syntax::DynCast<syntax::FuncType>(n); ft != nullptr && ft->TypeParams) {
      use->declares = true;
    } else if (auto* ts = syntax::DynCast<syntax::TypeSpec>(n); ts != nullptr && ts->TypeParams) {
      use->declares = true;
    } else if (auto* sel = syntax::DynCast<syntax::SelectorExpr>(n)) {
      auto* x = syntax::DynCast<syntax::Ident>(sel->X);
      if (x != nullptr && sel->Sel != nullptr) {
        auto it = names.find(std::string(x->Name));
        if (it != names.end() && it->second->count(std::string(sel->Sel->Name)) != 0) {
          use->instantiates = true;
        }
      }
    } else if (auto* id = syntax::DynCast<syntax::Ident>(n); id != nullptr && !dot.empty()) {
      if (dot.count(std::string(id->Name)) != 0) use->instantiates = true;
    }
    return true;
  });
}

}  // namespace

GenericUse FindGenericUse(const std::vector<syntax::File*>& files, const ImportedGenerics& imported) {
  GenericUse use;
  for (syntax::File* f : files) {
    if (f != nullptr) CollectDeclarations(f, &use);
  }
  for (syntax::File* f : files) {
    if (f != nullptr) ScanFile(f, imported, &use);
  }
  return use;
}

}  // namespace gotool::load
