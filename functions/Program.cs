using ECourt.Functions.Composition;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
// Outside Development a missing or malformed setting stops the start here, naming it (CourtSettings).
CourtSettings.ThrowIfWrong(builder.Configuration, builder.Environment);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddECourt(builder.Configuration);
builder.Build().Run();
