// The canonical AST dump that `gotool debug parse -dump` reproduces byte for byte.
//
// Format (one line per field, two spaces of indentation per nesting level):
//
//	File                       a node: its go/ast type name, then its fields
//	  Doc: nil                 nil pointer or interface
//	  Package: 1:1             token.Pos as unadjusted line:col, "-" for NoPos
//	  Name: Ident              a child node: type name, its fields one level deeper
//	    NamePos: 1:9
//	    Name: "p"              strings as strconv.QuoteToASCII
//	  Decls: [1]               slices: element count (nil and empty alike), then
//	    0: GenDecl             each element as "index: value" one level deeper
//	      Tok: import          token.Token as Token.String()
//
// bools print as true/false and ast.ChanDir as a number. Ident.Obj, File.Scope,
// File.Imports and File.Unresolved are skipped (they are derived data).
// A rejected file prints a single line: "error: POS: MSG" for the first error of
// go/parser's sorted ErrorList, POS being the //line-adjusted position without the
// filename (the adjusted filename is kept when a //line directive changed it).
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"reflect"
	"strconv"
)

var (
	posType   = reflect.TypeOf(token.NoPos)
	tokenType = reflect.TypeOf(token.ILLEGAL)
	objType   = reflect.TypeOf((*ast.Object)(nil))
	scopeType = reflect.TypeOf((*ast.Scope)(nil))
)

// skipped lists the fields the dump leaves out, as "Type.Field".
var skipped = map[string]bool{
	"File.Scope":      true,
	"File.Imports":    true,
	"File.Unresolved": true,
	"Ident.Obj":       true,
}

type dumper struct {
	fset *token.FileSet
	buf  bytes.Buffer
}

// parseAndDump parses src as go/parser.ParseFile(ParseComments) does and returns the
// canonical dump or error line.
func parseAndDump(filename string, src []byte) []byte {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return []byte(errorLine(filename, err))
	}
	d := &dumper{fset: fset}
	d.value(reflect.ValueOf(f), 0)
	return d.buf.Bytes()
}

// errorLine formats the first error of a parse as "error: POS: MSG\n".
func errorLine(filename string, err error) string {
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		return "error: " + err.Error() + "\n"
	}
	pos := list[0].Pos
	if pos.Filename == filename {
		pos.Filename = ""
	}
	return fmt.Sprintf("error: %s: %s\n", pos.String(), list[0].Msg)
}

func (d *dumper) indent(depth int) {
	for i := 0; i < depth; i++ {
		d.buf.WriteString("  ")
	}
}

// value writes the rest of the current line for v and, for nodes and slices, the
// following lines at depth+1.
func (d *dumper) value(v reflect.Value, depth int) {
	switch v.Type() {
	case posType:
		d.pos(token.Pos(v.Int()))
		return
	case tokenType:
		d.buf.WriteString(token.Token(v.Int()).String())
		d.buf.WriteByte('\n')
		return
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			d.buf.WriteString("nil\n")
			return
		}
		d.value(v.Elem(), depth)
	case reflect.Struct:
		d.node(v, depth)
	case reflect.Slice:
		d.buf.WriteByte('[')
		d.int(int64(v.Len()))
		d.buf.WriteString("]\n")
		for i := 0; i < v.Len(); i++ {
			d.indent(depth + 1)
			d.int(int64(i))
			d.buf.WriteString(": ")
			d.value(v.Index(i), depth+1)
		}
	case reflect.String:
		d.buf.WriteString(strconv.QuoteToASCII(v.String()))
		d.buf.WriteByte('\n')
	case reflect.Bool:
		d.buf.WriteString(strconv.FormatBool(v.Bool()))
		d.buf.WriteByte('\n')
	case reflect.Int:
		d.buf.WriteString(strconv.FormatInt(v.Int(), 10))
		d.buf.WriteByte('\n')
	default:
		panic("goast: unexpected field kind " + v.Kind().String() + " of " + v.Type().String())
	}
}

// node writes a struct's type name and then its fields in declaration order.
func (d *dumper) node(v reflect.Value, depth int) {
	t := v.Type()
	d.buf.WriteString(t.Name())
	d.buf.WriteByte('\n')
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == objType || f.Type == scopeType || skipped[t.Name()+"."+f.Name] {
			continue
		}
		d.indent(depth + 1)
		d.buf.WriteString(f.Name)
		d.buf.WriteString(": ")
		d.value(v.Field(i), depth+1)
	}
}

func (d *dumper) pos(p token.Pos) {
	if !p.IsValid() {
		d.buf.WriteString("-\n")
		return
	}
	pos := d.fset.PositionFor(p, false)
	d.int(int64(pos.Line))
	d.buf.WriteByte(':')
	d.int(int64(pos.Column))
	d.buf.WriteByte('\n')
}

func (d *dumper) int(v int64) {
	var tmp [20]byte
	d.buf.Write(strconv.AppendInt(tmp[:0], v, 10))
}
