using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Geo.Postgres.Tests;

/// <summary>When the database goes away requests get 503 ProblemDetails; service resumes by itself when it returns.</summary>
[Trait("Category", "Database")]
public class OutageTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [DatabaseFact]
    public async Task DatabaseGoingAwayAndComingBack_Gives503ThenRecovers()
    {
        var target = new NpgsqlConnectionStringBuilder(demo.ConnectionString);
        await using var relay = new TcpRelay(target.Host!, target.Port);
        relay.Start();
        var throughRelay = new NpgsqlConnectionStringBuilder(demo.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 2 };
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Geo:Connection", throughRelay.ConnectionString)
            .UseSetting("Geo:DatabasePollSeconds", "0.2"));
        var client = factory.CreateClient();
        await DoorServers.WaitUntilReady(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas/X92000001")).StatusCode);

        relay.Stop();
        var down = await WaitFor(client, "/api/areas/X92000001", HttpStatusCode.ServiceUnavailable);
        var problem = await down.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Database unavailable", problem!.Title);
        Assert.Contains("retries by itself", problem.Detail);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(down.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/tiles/neighbourhood/12/2030/1300.mvt")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/health")).StatusCode);

        relay.Start();
        await WaitFor(client, "/api/areas/X92000001", HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    private static async Task<HttpResponseMessage> WaitFor(HttpClient client, string url, HttpStatusCode status)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == status)
            {
                return response;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} did not answer {status} within 20 s");
    }

    /// <summary>A loopback TCP relay to the database that can be cut (every connection dropped) and restored on the same port.</summary>
    private sealed class TcpRelay(string host, int port) : IAsyncDisposable
    {
        private readonly List<TcpClient> _open = [];
        private TcpListener? _listener;

        public int Port { get; private set; }

        public void Start()
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            var listener = _listener;
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    TcpClient inbound;
                    try
                    {
                        inbound = await listener.AcceptTcpClientAsync();
                    }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException)
                    {
                        return;
                    }

                    var outbound = new TcpClient();
                    await outbound.ConnectAsync(host, port);
                    lock (_open)
                    {
                        _open.Add(inbound);
                        _open.Add(outbound);
                    }

                    _ = Pump(inbound, outbound);
                    _ = Pump(outbound, inbound);
                }
            });
        }

        public void Stop()
        {
            _listener?.Stop();
            lock (_open)
            {
                foreach (var client in _open)
                {
                    client.Close();
                }

                _open.Clear();
            }
        }

        public ValueTask DisposeAsync()
        {
            Stop();
            return ValueTask.CompletedTask;
        }

        private static async Task Pump(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The relay was cut.
            }
            finally
            {
                from.Close();
                to.Close();
            }
        }
    }
}
