// gokata-helper: what gokata asks Go's own parser before a submission is built.
//
// Built once per toolchain into gokata's cache (runner/kata/gohelper.py) and run on the
// learner's files only. It never compiles or runs them.
//
//	gokata-helper check DIR FILE...  JSON on stdout: for each file, whether the build
//	                                 constraints (with the race tag) leave it out, its imports,
//	                                 its package-scope declarations of predeclared names, and
//	                                 its writes to other packages' variables.
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
	"strings"
)

type importSpec struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Dot  bool   `json:"dot,omitempty"` // import . "path": its names used unqualified
}

// foreignWrite is a statement that changes a variable of an imported package
// (context.DeadlineExceeded = ..., http.DefaultClient.Timeout++, p := &io.EOF).
type foreignWrite struct {
	Target string `json:"target"` // as written: context.DeadlineExceeded
	Line   int    `json:"line"`
	Col    int    `json:"col"`
}

type shadow struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // func, type, var or const
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

type fileReport struct {
	Name        string         `json:"name"`
	Ignored     bool           `json:"ignored"` // left out by build constraints or its name
	ParseError  string         `json:"parse_error,omitempty"`
	Imports     []importSpec   `json:"imports"`
	Predeclared []shadow       `json:"predeclared"`
	Writes      []foreignWrite `json:"writes"`
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
		rep := fileReport{Name: name, Imports: []importSpec{}, Predeclared: []shadow{}, Writes: []foreignWrite{}}
		match, err := ctx.MatchFile(dir, name)
		if err == nil && !match {
			rep.Ignored = true
		}
		fset := token.NewFileSet()
		// With object resolution: an identifier declared in the file (a local `context`) is then
		// told from the imported package of that name.
		file, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			rep.ParseError = err.Error()
		}
		if file != nil {
			for _, spec := range file.Imports {
				path, perr := strconv.Unquote(spec.Path.Value)
				if perr != nil {
					continue
				}
				dot := spec.Name != nil && spec.Name.Name == "."
				rep.Imports = append(rep.Imports, importSpec{path, fset.Position(spec.Pos()).Line, dot})
			}
			rep.Predeclared = predeclared(fset, file)
			rep.Writes = foreignWrites(fset, file)
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

// foreignWrites lists the statements that assign to, increment or take the address of a variable
// of an imported package, or of anything reached from one. The kata's tests compare with those
// variables (errors.Is(err, context.DeadlineExceeded)) and use them (http.DefaultClient): code
// sharing their process must not change what they mean.
func foreignWrites(fset *token.FileSet, file *ast.File) []foreignWrite {
	packages := map[string]bool{}
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := packageName(path)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name != "_" && name != "." {
			packages[name] = true
		}
	}
	found := []foreignWrite{}
	check := func(e ast.Expr) {
		if sel := packageVariable(e, packages); sel != nil {
			pos := fset.Position(e.Pos())
			found = append(found, foreignWrite{sel.X.(*ast.Ident).Name + "." + sel.Sel.Name, pos.Line, pos.Column})
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range s.Lhs {
				check(lhs)
			}
		case *ast.IncDecStmt:
			check(s.X)
		case *ast.RangeStmt:
			if s.Tok == token.ASSIGN {
				if s.Key != nil {
					check(s.Key)
				}
				if s.Value != nil {
					check(s.Value)
				}
			}
		case *ast.UnaryExpr:
			if s.Op == token.AND {
				check(s.X)
			}
		}
		return true
	})
	return found
}

// packageVariable is the pkg.Name selector an assignable expression is rooted at, when pkg names
// an imported package rather than something the file declares.
func packageVariable(e ast.Expr, packages map[string]bool) *ast.SelectorExpr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && id.Obj == nil && packages[id.Name] {
				return x
			}
			e = x.X
		default:
			return nil
		}
	}
}

// packageName is the name a package is imported under by default: the last element of its path,
// or the one before a major-version suffix (math/rand/v2 is rand).
func packageName(path string) string {
	parts := strings.Split(path, "/")
	name := parts[len(parts)-1]
	if len(parts) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = parts[len(parts)-2]
	}
	return name
}
