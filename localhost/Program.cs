using ECourt.LocalHost;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://localhost:7071");
builder.Services.AddECourtLocalHost(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
app.MapECourtLocalHost();
app.Run();
