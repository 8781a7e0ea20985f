using SearchService.Api;

var app = SearchApp.Create(args);
app.Run();
