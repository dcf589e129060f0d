using Geo.Api.Hosting;

var app = GeoServer.Build(args);
app.LoadDataset();
app.Run();

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
