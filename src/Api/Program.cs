using Assessment.Api;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
var app = builder.Build();
app.UsePlatform();
return await app.RunJasperFxCommands(args);

/// <summary>Marker for the test host (Alba / WebApplicationFactory).</summary>
public partial class Program;
