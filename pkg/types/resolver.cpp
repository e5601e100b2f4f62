// Collection of package-level objects: imports, declarations, methods, and the
// order in which package-level objects are type-checked (go/types' resolver.go).
#include <algorithm>

#include "pkg/base/strconv.h"
#include "pkg/base/utf8.h"
#include "pkg/types/checker.h"
#include "pkg/types/compiler_checks.h"

namespace gotool::types {

namespace {

// LastElem returns the last element of an import path.
std::string_view LastElem(std::string_view path) {
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t i = path.rfind('/');
  return i == std::string_view::npos ? path : path.substr(i + 1);
}

// ValidatedImportPath unquotes and checks an import path; "" and *err on failure.
std::string ValidatedImportPath(std::string_view lit, std::string* err) {
  constant::Value v = constant::MakeFromLiteral(lit, syntax::Token::STRING);
  if (v.kind() != constant::Kind::kString) {
    *err = "invalid syntax";
    return "";
  }
  std::string s = constant::StringVal(v);
  if (s.empty()) {
    *err = "empty string";
    return "";
  }
  // Graphic and not a space (for a rune, graphic is printable or a space), and none
  // of the characters below or U+FFFD, which also stands for invalid UTF-8.
  static const std::string_view kIllegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
  for (size_t i = 0; i < s.size();) {
    base::DecodedRune d = base::DecodeRune(std::string_view(s).substr(i));
    i += size_t(d.width);
    bool illegal = d.rune == 0xFFFD ||
                   (d.rune < 0x80 && kIllegal.find(char(d.rune)) != std::string_view::npos);
    if (!base::IsPrint(d.rune) || base::IsSpace(d.rune) || illegal) {
      *err = "invalid character " + base::FormatRuneU(d.rune);
      return "";
    }
  }
  return s;
}

}  // namespace

void Checker::Declare(Scope* scope, syntax::Ident* id, Object* obj, base::Pos scope_pos) {
  if (obj->name != "_") {
    if (Object* alt = scope->Insert(obj)) {
      Errorf(obj->pos, "{} redeclared in this block", obj->name);
      if (alt->pos.IsValid()) Errorf(alt->pos, "\tother declaration of {}", obj->name);
      return;
    }
    obj->scope_pos = scope_pos;
  }
  if (id != nullptr) RecordDef(id, obj);
}

void Checker::DeclarePkgObj(syntax::Ident* ident, Object* obj, DeclInfo* d) {
  if (ident->Name == "init") {
    Error(ident->NamePos, "cannot declare init - must be func");
    return;
  }
  if (ident->Name == "main" && pkg_->name == "main") {
    Error(ident->NamePos, "cannot declare main - must be func");
    return;
  }
  Declare(pkg_->scope, ident, obj, base::NoPos);
  obj_map_[obj] = d;
  obj->order = uint32_t(obj_map_.size());
  obj_list_.push_back(obj);
}

Package* Checker::ImportPackage(const syntax::ImportSpec* s, std::string_view path) {
  if (path == "unsafe") return GetUniverse().unsafe;
  auto it = imp_map_.find(std::string(path));
  if (it != imp_map_.end()) return it->second;
  Package* imp = nullptr;
  if (path == "C" && cfg_.fake_import_c) {
    imp = ctx_->NewPackage("C", "C");
    imp->fake = true;
  } else {
    std::string err = compiler_errors_ ? CompilerImportPathError(path) : "";
    if (err.empty()) {
      err = "not supported yet";
      if (cfg_.importer != nullptr) imp = cfg_.importer->Import(path, &err);
    }
    if (imp == nullptr) {
      Errorf(At(s->Path), "could not import {} ({})", path, err);
      imp = ctx_->NewPackage(path, LastElem(path));
      imp->fake = true;
    }
  }
  imp_map_[std::string(path)] = imp;
  return imp;
}

// CollectImport declares the package name of one import spec in file scope fs.
static void CollectImport(Checker* check, syntax::ImportSpec* s, Scope* fs) {
  // A bad path (not a well-formed string literal) was reported by the parser.
  if (s->Path->Kind != syntax::Token::STRING) return;
  std::string err;
  std::string path = ValidatedImportPath(s->Path->Value, &err);
  if (path.empty()) {
    check->Errorf(check->At(s->Path), "invalid import path ({})", err);
    return;
  }
  Package* imp = check->ImportPackage(s, path);
  std::string_view name = imp->name;
  if (s->Name != nullptr) {
    name = s->Name->Name;
    if (path == "C") {
      check->Error(check->At(s->Name), "cannot rename import \"C\"");
      return;
    }
  }
  if (name == "init") {
    check->Error(check->At(s), "cannot import package as init - init must be a func");
    return;
  }
  Package* pkg = check->pkg();
  if (std::find(pkg->imports.begin(), pkg->imports.end(), imp) == pkg->imports.end() &&
      imp != GetUniverse().unsafe) {
    pkg->imports.push_back(imp);
  }
  base::Pos pos = s->Name ? s->Name->NamePos : check->At(s);
  PkgName* pkg_name = check->ctx()->NewObject<PkgName>(pos, pkg, name, imp);
  if (s->Name != nullptr) {
    check->RecordDef(s->Name, pkg_name);
  } else {
    check->RecordImplicit(s, pkg_name);
  }
  if (imp->fake) pkg_name->used = true;  // as go/types (matching cmd/compile 1.17)
  check->imports_.push_back(pkg_name);
  if (name == ".") {
    // Dot-import: merge the imported package's exported objects into the file scope.
    for (Object* obj : imp->scope->order) {
      if (!obj->Exported()) continue;
      if (Object* alt = fs->Lookup(obj->name)) {
        check->Errorf(check->At(s->Name), "{} redeclared in this block", obj->name);
        (void)alt;
        continue;
      }
      fs->elems.emplace(obj->name, obj);
      fs->order.push_back(obj);
      check->dot_import_map_[fs][obj] = pkg_name;
    }

    return;
  }
  check->Declare(fs, nullptr, pkg_name, base::NoPos);
}

void Checker::ArityMatch(syntax::ValueSpec* s, syntax::ValueSpec* init) {
  size_t l = s->Names.size;
  size_t r = init ? init->Values.size : s->Values.size;
  if (init == nullptr && r == 0) {
    if (s->Type == nullptr) Error(At(s), "missing type or init expr");
  } else if (l < r) {
    if (l < s->Values.size) {
      Errorf(At(s->Values[l]), "extra init expr {}", S(s->Values[l]));
    } else {
      Errorf(At(s), "extra init expr at {}", fset_.PositionFor(At(init)).String());
    }
  } else if (l > r && (init != nullptr || r != 1)) {
    Errorf(At(s->Names[r]), "missing init expr for {}", s->Names[r]->Name);
  }
}

void Checker::AddDeclDep(Object* to) {
  if (env_.decl == nullptr) return;
  if (obj_map_.find(to) == obj_map_.end()) return;
  env_.decl->AddDep(to);
}

// CollectValueSpecs declares the constants or variables of one GenDecl.
static void CollectValues(Checker* check, syntax::GenDecl* d, Scope* fs) {
  bool is_const = d->Tok == syntax::Token::CONST;
  syntax::ValueSpec* last = nullptr;
  for (size_t iota = 0; iota < d->Specs.size; iota++) {
    syntax::ValueSpec* s = d->Specs[iota]->As<syntax::ValueSpec>();
    if (is_const) {
      if (s->Type != nullptr || s->Values.size > 0) last = s;
      for (size_t i = 0; i < s->Names.size; i++) {
        syntax::Ident* name = s->Names[i];
        Const* obj = check->ctx()->NewObject<Const>(name->NamePos, check->pkg(), name->Name,
                                                    nullptr, constant::MakeInt64(int64_t(iota)));
        DeclInfo* di = check->MakeDecl();
        di->file = fs;
        di->iota = int64_t(iota);
        if (last != nullptr) {
          di->vtyp = last->Type;
          if (i < last->Values.size) di->init = last->Values[i];
          di->inherited = last != s;
        }
        check->DeclarePkgObj(name, obj, di);
      }
      syntax::ValueSpec empty;  // as go/types: a missing init list counts as an empty one
      empty.kind = syntax::NodeKind::ValueSpec;
      check->ArityMatch(s, last ? last : &empty);
      continue;
    }
    std::vector<Object*> lhs;
    DeclInfo* d1 = nullptr;
    if (s->Names.size > 1 && s->Values.size == 1) {
      d1 = check->MakeDecl();
      d1->file = fs;
      d1->vtyp = s->Type;
      d1->init = s->Values[0];
    }
    for (size_t i = 0; i < s->Names.size; i++) {
      syntax::Ident* name = s->Names[i];
      Var* obj = check->ctx()->NewObject<Var>(name->NamePos, check->pkg(), name->Name, nullptr);
      lhs.push_back(obj);
      DeclInfo* di = d1;
      if (di == nullptr) {
        di = check->MakeDecl();
        di->file = fs;
        di->vtyp = s->Type;
        if (i < s->Values.size) di->init = s->Values[i];
      }
      check->DeclarePkgObj(name, obj, di);
    }
    if (d1 != nullptr) d1->lhs = lhs;
    check->ArityMatch(s, nullptr);
  }
}

// CollectFunc declares a function or records a method for later association.
static void CollectFunc(Checker* check, syntax::FuncDecl* d, Scope* fs,
                        std::vector<Func*>* methods) {
  syntax::Ident* name = d->Name;
  Func* obj = check->ctx()->NewObject<Func>(name->NamePos, check->pkg(), name->Name, nullptr);
  DeclInfo* info = check->MakeDecl();
  info->file = fs;
  info->fdecl = d;
  bool has_tparams = d->Type->TypeParams != nullptr && d->Type->TypeParams->List.size > 0;
  bool tparam_error = false;
  bool is_method = d->Recv != nullptr && d->Recv->List.size > 0;
  if (d->Recv != nullptr && !is_method) {
    check->Error(check->At(d->Recv), "method is missing receiver");  // treated as a function
  }
  if (!is_method) {
    bool special = name->Name == "init" || (name->Name == "main" && check->pkg()->name == "main");
    if (special) {
      if (has_tparams) {
        check->Errorf(check->At(d->Type->TypeParams->List[0]),
                      "func {} must have no type parameters",
                      name->Name);
        tparam_error = true;
      }
      bool has_params = d->Type->Params && d->Type->Params->List.size > 0;
      if (has_params || d->Type->Results != nullptr) {
        check->SoftErrorf(check->At(d), "func {} must have no arguments and no return values",
                          name->Name);
      }
    }
    if (name->Name == "init") {
      obj->parent = check->pkg()->scope;
      check->RecordDef(name, obj);
      if (d->Body == nullptr) check->Error(obj->pos, "missing function body");
    } else {
      check->Declare(check->pkg()->scope, name, obj, base::NoPos);
    }
  } else {
    check->RecordDef(name, obj);
    methods->push_back(obj);
  }
  if (has_tparams && !tparam_error && !check->AllowVersion(18)) {
    check->VersionError(check->At(d->Type->TypeParams->List[0]),
                        "type parameters require go1.18 or later", "type parameter", "go1.18");
  }
  check->obj_map_[obj] = info;
  obj->order = uint32_t(check->obj_map_.size());
  check->obj_list_.push_back(obj);
}

void Checker::CollectObjects(std::span<syntax::File* const> files) {
  std::vector<Func*> methods;
  for (syntax::File* file : files) {
    base::Pos pos = file->Package;
    base::Pos end = syntax::NodeEnd(file);
    if (const base::File* f = fset_.FileFor(pos)) {
      pos = f->PosAt(0);
      end = f->PosAt(f->size());
    }
    Scope* fs = ctx_->NewScope(pkg_->scope, pos, end, "file");
    file_scopes_.push_back(fs);
    RecordScope(file, fs);
    for (syntax::Decl* decl : file->Decls) {
      if (auto* d = syntax::DynCast<syntax::GenDecl>(decl)) {
        if (d->Tok == syntax::Token::IMPORT) {
          for (syntax::Spec* s : d->Specs) CollectImport(this, s->As<syntax::ImportSpec>(), fs);
        } else if (d->Tok == syntax::Token::TYPE) {
          for (syntax::Spec* s : d->Specs) {
            auto* ts = s->As<syntax::TypeSpec>();
            if (ts->TypeParams != nullptr && ts->TypeParams->List.size > 0 && !AllowVersion(18)) {
              VersionError(At(ts->TypeParams->List[0]), "type parameters require go1.18 or later",
                           "type parameter", "go1.18");
            }
            TypeName* obj = ctx_->NewObject<TypeName>(ts->Name->NamePos, pkg_, ts->Name->Name, nullptr);
            DeclInfo* di = MakeDecl();
            di->file = fs;
            di->tdecl = ts;
            DeclarePkgObj(ts->Name, obj, di);
          }
        } else {
          CollectValues(this, d, fs);
        }
      } else if (auto* f = syntax::DynCast<syntax::FuncDecl>(decl)) {
        CollectFunc(this, f, fs, &methods);
      }
    }
  }
  // Verify that objects in package and file scopes have different names.
  for (Scope* fs : file_scopes_) {
    for (Object* obj : fs->order) {
      Object* alt = pkg_->scope->Lookup(obj->name);
      if (alt == nullptr) continue;
      if (PkgName* p = obj->TryAs<PkgName>()) {
        Errorf(alt->pos, "{} already declared through import of {}", alt->name, S(p));
        Errorf(obj->pos, "\tother declaration of {}", obj->name);
      } else {
        // (the object's package, as Package.String prints it)
        Errorf(alt->pos, "{} already declared through dot-import of package {} ({})", alt->name,
               obj->pkg->name, base::Quote(obj->pkg->path));
      }
    }
  }
  // Associate methods with their receiver base type names.
  for (Func* m : methods) {
    syntax::FuncDecl* fd = obj_map_[m]->fdecl;
    if (fd->Recv->List.size == 0) continue;
    bool ptr = false;
    TypeName* base = ResolveBaseTypeName(fd->Recv->List[0]->Type, &ptr);
    if (base == nullptr) continue;
    m->has_ptr_recv = ptr;
    methods_[base].push_back(m);
  }
}

TypeName* Checker::ResolveBaseTypeName(syntax::Expr* typ, bool* is_ptr) {
  *is_ptr = false;
  std::vector<TypeName*> seen;
  while (true) {
    typ = Unparen(typ);
    if (auto* star = syntax::DynCast<syntax::StarExpr>(typ)) {
      if (*is_ptr) return nullptr;
      *is_ptr = true;
      typ = Unparen(star->X);
    }
    if (auto* ix = syntax::DynCast<syntax::IndexExpr>(typ)) typ = ix->X;
    if (auto* ix = syntax::DynCast<syntax::IndexListExpr>(typ)) typ = ix->X;
    auto* name = syntax::DynCast<syntax::Ident>(typ);
    if (name == nullptr) return nullptr;
    Object* obj = pkg_->scope->Lookup(name->Name);
    TypeName* tname = obj ? obj->TryAs<TypeName>() : nullptr;
    if (tname == nullptr) return nullptr;
    if (std::find(seen.begin(), seen.end(), tname) != seen.end()) return nullptr;
    auto it = obj_map_.find(tname);
    if (it == obj_map_.end() || it->second->tdecl == nullptr) return nullptr;
    syntax::TypeSpec* tdecl = it->second->tdecl;
    if (!tdecl->Assign.IsValid()) return tname;
    typ = tdecl->Type;
    seen.push_back(tname);
  }
}

void Checker::PackageObjects() {
  std::vector<Object*> list = obj_list_;
  std::stable_sort(list.begin(), list.end(),
                   [](Object* a, Object* b) { return a->order < b->order; });
  std::vector<TypeName*> aliases;
  std::vector<Object*> others;
  for (Object* obj : list) {
    if (TypeName* t = obj->TryAs<TypeName>()) {
      if (obj_map_[t]->tdecl->Assign.IsValid()) {
        aliases.push_back(t);
      } else {
        ObjDecl(obj, nullptr);
      }
    } else {
      others.push_back(obj);
    }
  }
  for (TypeName* t : aliases) ObjDecl(t, nullptr);
  for (Object* obj : others) ObjDecl(obj, nullptr);
  methods_.clear();
}

void Checker::UnusedImports() {
  for (PkgName* obj : imports_) {
    if (obj->used || obj->name == "_") continue;
    std::string_view path = obj->imported->path;
    std::string_view elem = LastElem(path);
    bool plain = obj->name.empty() || obj->name == "." || obj->name == elem;
    if (compiler_errors_ && plain) {
      SoftErrorf(obj->pos, "imported and not used: {}", base::Quote(path));
    } else if (compiler_errors_) {
      SoftErrorf(obj->pos, "imported and not used: {} as {}", base::Quote(path), obj->name);
    } else if (plain) {
      SoftErrorf(obj->pos, "{} imported but not used", base::Quote(path));
    } else {
      SoftErrorf(obj->pos, "{} imported but not used as {}", base::Quote(path), obj->name);
    }
  }
}

}  // namespace gotool::types
