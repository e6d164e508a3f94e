using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grants.Tests.Infrastructure;

/// <summary>Small helpers for JSON API calls and RFC 7807 answers.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, Json(body.ToJsonString()));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, JsonNode body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(body.ToJsonString()) };
        if (ifMatch is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid id, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/submit");
        if (ifMatch is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        return client.SendAsync(request);
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>Creates a draft and returns its id, failing with the body when it was refused.</summary>
    public static async Task<JsonObject> CreateDraftAsync(this HttpClient client, JsonNode form)
    {
        var response = await client.PostJsonAsync("/api/applications", form);
        return await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonObject> ExpectJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a problem-details answer and returns its field errors (empty when there are none).</summary>
    public static async Task<Dictionary<string, string[]>> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return problem["errors"] is JsonObject errors
            ? errors.ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray())
            : [];
    }

    public static Guid IdOf(JsonObject application) => application["id"]!.GetValue<Guid>();
    public static int VersionOf(JsonObject application) => application["version"]!.GetValue<int>();

    public static async Task<JsonObject> GetApplicationAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/applications/{id}")).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>Every application the client may see: the paged list followed by its next links to the end.</summary>
    public static async Task<JsonArray> ListAllApplicationsAsync(this HttpClient client)
    {
        var all = new JsonArray();
        string? next = "/api/applications?pageSize=100";
        while (next is not null)
        {
            var page = JsonNode.Parse(await client.GetStringAsync(next))!.AsObject();
            foreach (var item in page["items"]!.AsArray()) all.Add(item!.DeepClone());
            next = page["next"]?.GetValue<string>();
        }
        return all;
    }

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);

    public static Task<T?> ReadAsync<T>(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>(Web);
}
