// gokata-helper: what gokata asks Go's own parser before a submission is built.
//
// Built once per toolchain into gokata's cache (runner/kata/gohelper.py) and run on the
// learner's files only. It never compiles or runs them.
//
//	gokata-helper check DIR FILE...  JSON on stdout: for each file, whether the build
//	                                 constraints (with the race tag) leave it out, its imports,
//	                                 and its package-scope declarations of predeclared names.
//	gokata-helper universe           the names of Go's universe scope, one per line.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

type importSpec struct {
	Path string `json:"path"`
	Line int    `json:"line"`
}

type shadow struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // func, type, var or const
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

type fileReport struct {
	Name        string       `json:"name"`
	Ignored     bool         `json:"ignored"` // left out by build constraints or its name
	ParseError  string       `json:"parse_error,omitempty"`
	Imports     []importSpec `json:"imports"`
	Predeclared []shadow     `json:"predeclared"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gokata-helper check DIR FILE... | universe")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "universe":
		names := types.Universe.Names() // sorted
		for _, name := range names {
			fmt.Println(name)
		}
	case "check":
		if len(os.Args) < 3 {
			fmt.Fprintln(os.Stderr, "usage: gokata-helper check DIR FILE...")
			os.Exit(2)
		}
		reports := check(os.Args[2], os.Args[3:])
		enc := json.NewEncoder(os.Stdout)
		if err := enc.Encode(map[string]any{"files": reports}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
}

func check(dir string, names []string) []fileReport {
	ctx := build.Default
	ctx.BuildTags = append(ctx.BuildTags, "race") // graded with -race: files built only under it count
	ctx.CgoEnabled = true
	reports := make([]fileReport, 0, len(names))
	for _, name := range names {
		rep := fileReport{Name: name, Imports: []importSpec{}, Predeclared: []shadow{}}
		match, err := ctx.MatchFile(dir, name)
		if err == nil && !match {
			rep.Ignored = true
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			rep.ParseError = err.Error()
		}
		if file != nil {
			for _, spec := range file.Imports {
				path, perr := strconv.Unquote(spec.Path.Value)
				if perr != nil {
					continue
				}
				rep.Imports = append(rep.Imports, importSpec{path, fset.Position(spec.Pos()).Line})
			}
			rep.Predeclared = predeclared(fset, file)
		}
		reports = append(reports, rep)
	}
	return reports
}

// predeclared lists the file's package-scope declarations whose name is one of the universe
// scope's: such a declaration changes what `len`, `error` or `nil` mean for every file of the
// package, the kata's tests included.
func predeclared(fset *token.FileSet, file *ast.File) []shadow {
	found := []shadow{}
	add := func(id *ast.Ident, kind string) {
		if id == nil || id.Name == "_" || types.Universe.Lookup(id.Name) == nil {
			return
		}
		pos := fset.Position(id.Pos())
		found = append(found, shadow{id.Name, kind, pos.Line, pos.Column})
	}
	for _, decl := range file.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil { // methods live in their type's scope, not the package's
				add(d.Name, "func")
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					add(s.Name, "type")
				case *ast.ValueSpec:
					kind := "var"
					if d.Tok == token.CONST {
						kind = "const"
					}
					for _, id := range s.Names {
						add(id, kind)
					}
				}
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Line < found[j].Line })
	return found
}
