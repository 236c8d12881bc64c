package express

// methods are Node 20's http.METHODS lower-cased, the `methods` package Express 4 builds its
// router.METHOD and route.METHOD helpers from.
var methods = []string{
	"acl", "bind", "checkout", "connect", "copy", "delete", "get", "head", "link", "lock",
	"m-search", "merge", "mkactivity", "mkcalendar", "mkcol", "move", "notify", "options", "patch",
	"post", "propfind", "proppatch", "purge", "put", "query", "rebind", "report", "search", "source",
	"subscribe", "trace", "unbind", "unlink", "unlock", "unsubscribe",
}
