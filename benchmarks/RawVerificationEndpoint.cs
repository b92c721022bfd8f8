using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Assessment.Benchmarks;

/// <summary>
/// The verification baseline: the same single-row lookup by number as the public endpoint, with raw Npgsql and nothing
/// else (no rate limiting, validation, masking, filing status, lookup log or JSON contract), ahead of the API's pipeline.
/// </summary>
public sealed class RawVerificationEndpoint(string connection) : IStartupFilter
{
    public const string Path = "/baseline/verify";

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connection);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(VerifyAsync));
        next(app);
    };

    private async Task VerifyAsync(HttpContext http)
    {
        var number = http.Request.Query["number"].ToString();
        var name = http.Request.Query["name"].ToString();
        await using var command = _source.CreateCommand(
            "select number, holder_name, occupation, work_type, level, issued_on, organization_name, filing_number, status, revoked_on " +
            "from certificates.certificate where number = $1");
        command.Parameters.AddWithValue(number);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        if (await reader.ReadAsync(http.RequestAborted) && reader.GetString(1) == name)
        {
            json.WriteString("number", reader.GetString(0));
            json.WriteString("holderName", reader.GetString(1));
            json.WriteString("occupation", reader.GetString(2));
            json.WriteString("workType", reader.IsDBNull(3) ? "——" : reader.GetString(3));
            json.WriteNumber("level", reader.GetInt32(4));
            json.WriteString("issuedOn", reader.GetFieldValue<DateOnly>(5).ToString("yyyy-MM-dd"));
            json.WriteString("organizationName", reader.GetString(6));
            json.WriteString("filingNumber", reader.GetString(7));
            json.WriteString("status", reader.GetString(8));
        }
        else json.WriteString("result", "NotFound");
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
