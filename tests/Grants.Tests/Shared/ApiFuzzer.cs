using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grants.Tests.Shared;

/// <summary>
/// Generates hostile requests for every write operation in the app's own OpenAPI document, so an endpoint
/// added tomorrow is fuzzed without anyone listing it. Seeded: the same seed gives the same requests.
/// Bodies come from the operation's schema when it has one (with wrong types, nulls, nulls inside lists,
/// extreme numbers, formula and markup text) and from a fixed list of malformed payloads (broken JSON,
/// other charsets, multipart without boundary or with a quote in the file name, a body over the upload limit).
/// Shared with bench/Grants.Bench (the long run), hence no test-framework types here.
/// </summary>
public sealed partial class ApiFuzzer(JsonObject openApi, IReadOnlyList<Guid> knownIds, int seed)
{
    private readonly Random _random = new(seed);

    public sealed record Operation(string Method, string Template, JsonObject? BodySchema);

    /// <summary>One request to send; <see cref="Describe"/> says what it was when it fails.</summary>
    public sealed record Case(Operation Operation, string Path, Func<HttpContent?> Content, string Describe);

    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    public IReadOnlyList<Operation> WriteOperations()
    {
        var result = new List<Operation>();
        foreach (var (template, item) in openApi["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (!WriteMethods.Contains(method)) continue;
                var schema = op?["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
                result.Add(new Operation(method.ToUpperInvariant(), template, schema is null ? null : Resolve(schema)));
            }
        }
        return result.OrderBy(o => o.Template, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary><paramref name="count"/> cases spread evenly over the operations, each a random hostile variant.</summary>
    public IEnumerable<Case> Cases(int count)
    {
        var operations = WriteOperations();
        for (var i = 0; i < count; i++)
        {
            var op = operations[i % operations.Count];
            var path = FillPath(op.Template);
            var (content, describe) = Body(op);
            yield return new Case(op, path, content, $"{op.Method} {path} {describe}");
        }
    }

    private string FillPath(string template) => PathParameter().Replace(template, m =>
    {
        var name = m.Groups[1].Value.ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("id") => Pick(0.8) && knownIds.Count > 0 ? knownIds[_random.Next(knownIds.Count)].ToString() : Guid.NewGuid().ToString(),
            "year" => Choose("2015", "2026", "0", "-1", "2147483647", "99999"),
            "number" => Choose("1", "0", "-5", "2147483647"),
            "kind" => Choose("commitments", "payments", "x", "StatusReport"),
            _ => Choose("x", "ansokan", "application", "%00", "..%2F..%2Fetc"),
        };
    });

    private (Func<HttpContent?> Content, string Describe) Body(Operation op)
    {
        var roll = _random.NextDouble();
        if (op.BodySchema is not null && roll < 0.55)
        {
            var json = Generate(op.BodySchema, 0)?.ToJsonString() ?? "null";
            return (() => Json(json), $"schema body {Short(json)}");
        }
        if (roll < 0.75)
        {
            // An object built from no schema: the names the app's bodies use most, with hostile values.
            var json = Hostile().ToJsonString();
            return (() => Json(json), $"hostile body {Short(json)}");
        }
        return Malformed();
    }

    private (Func<HttpContent?>, string) Malformed()
    {
        switch (_random.Next(12))
        {
            case 0: return (() => Json("[1,2"), "truncated JSON [1,2");
            case 1: return (() => Json("nul"), "JSON nul");
            case 2: return (() => Json("{\"a\":NaN}"), "JSON with NaN");
            case 3:
                return (() =>
                {
                    var c = new ByteArrayContent(Encoding.Unicode.GetBytes("{\"email\":\"a@b.se\"}"));
                    c.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");
                    return c;
                }, "UTF-16 JSON");
            case 4: return (() => null, "no body");
            case 5: return (() => new StringContent("a=b&c=d", Encoding.UTF8, "application/x-www-form-urlencoded"), "form-urlencoded body");
            case 6:
                return (() =>
                {
                    var c = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF\r\n--x--\r\n"u8.ToArray());
                    c.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
                    return c;
                }, "multipart without boundary");
            case 7:
                return (() =>
                {
                    var c = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n"u8.ToArray());
                    c.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
                    return c;
                }, "multipart with a quote in the file name");
            case 8:
                return (() =>
                {
                    var form = new MultipartFormDataContent();
                    var file = new ByteArrayContent([.. "GIF89a"u8, .. "<html><script>alert(1)</script></html>"u8]);
                    file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/gif");
                    form.Add(file, Choose("file", "evidence"), Choose("..\\..\\win.gif", "../../etc/x.gif", "a\u0001b.gif", "ok.gif"));
                    form.Add(new StringContent(Choose("Met", "Declined", "x")), "outcome");
                    return form;
                }, "multipart GIF89a followed by HTML");
            case 9:
                return (() =>
                {
                    var form = new MultipartFormDataContent();
                    // Over the 10 MB upload limit; 11 MB keeps the run fast while crossing it.
                    form.Add(new ByteArrayContent([.. "%PDF-1.7\n"u8, .. new byte[11 * 1024 * 1024]]), Choose("file", "evidence"), "stor.pdf");
                    return form;
                }, "multipart 11 MB");
            case 10: return (() => Json("{\"organisation\":null,\"budget\":[null],\"clauses\":[null],\"amount\":-9223372036854775808}"), "nulls and long.MinValue");
            default: return (() => Json(new string('[', 5000) + new string(']', 5000)), "JSON nested 5000 deep");
        }
    }

    private JsonNode? Generate(JsonObject schema, int depth)
    {
        schema = Resolve(schema);
        if (Pick(0.06)) return null;
        if (Pick(0.04)) return Wrong();
        var type = TypeOf(schema);
        if (schema["enum"] is JsonArray values && values.Count > 0 && Pick(0.8)) return values[_random.Next(values.Count)]?.DeepClone();
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (depth > 5 || schema["properties"] is not JsonObject props) return obj;
                foreach (var (name, prop) in props)
                    if (prop is JsonObject p && Pick(0.85)) obj[name] = Generate(p, depth + 1);
                return obj;
            case "array":
                var arr = new JsonArray();
                if (depth > 5 || schema["items"] is not JsonObject items) return arr;
                var n = _random.Next(4);
                for (var i = 0; i < n; i++) arr.Add(Pick(0.1) ? null : Generate(items, depth + 1));
                return arr;
            case "integer": return Integer(schema);
            case "number": return JsonValue.Create(Choose(0.5, -1.25, 1e30, -1e30, 123456.789));
            case "boolean": return JsonValue.Create(Pick(0.5));
            default: return StringValue(schema);
        }
    }

    private JsonNode Integer(JsonObject schema)
    {
        var int64 = schema["format"]?.GetValue<string>() == "int64";
        return _random.Next(8) switch
        {
            0 => JsonValue.Create(int64 ? long.MinValue : int.MinValue),
            1 => JsonValue.Create(int64 ? long.MaxValue : int.MaxValue),
            2 => JsonValue.Create(-1),
            3 => JsonValue.Create(0),
            4 => JsonValue.Create(2026),
            _ => JsonValue.Create(_random.Next(1, 500_000)),
        };
    }

    private JsonNode StringValue(JsonObject schema) => (schema["format"]?.GetValue<string>()) switch
    {
        "date" => JsonValue.Create(Choose("2026-03-02", "2015-04-23", "0001-01-01", "9999-12-31", "2026-02-30", "igår")),
        "date-time" => JsonValue.Create(Choose("2026-03-02T09:00:00+01:00", "not a time")),
        "uuid" => JsonValue.Create(knownIds.Count > 0 && Pick(0.7) ? knownIds[_random.Next(knownIds.Count)].ToString() : Choose(Guid.NewGuid().ToString(), "x")),
        "email" => JsonValue.Create(Choose("a@exempel.se", "inte-en-adress", "")),
        _ => JsonValue.Create(Text()),
    };

    private string Text() => Choose(
        "", " ", "Projekt", "=HYPERLINK(\"http://x\",\"klicka\")", "+cmd|' /C calc'!A0", "<script>alert(1)</script>",
        "Robert'); DROP TABLE Applications;--", new string('å', 5000), "\u0000\u0001", "556677-8899", "202100-5521", "a@exempel.se",
        "Met", "Granted", "StatusReport", "Recommend", "bevilja", "skicka-in", "fk", "2026-03-02");

    private JsonObject Hostile()
    {
        string[] names = ["organisation", "projectName", "budget", "clauses", "amount", "year", "email", "password", "name", "date", "trigger",
            "comment", "kind", "items", "members", "form", "reason", "outcome", "dueDate", "label", "recipient", "decisionDate", "lines"];
        var obj = new JsonObject();
        foreach (var name in names.Where(_ => Pick(0.35))) obj[name] = Pick(0.5) ? Wrong() : JsonValue.Create(Text());
        return obj;
    }

    private JsonNode? Wrong() => _random.Next(7) switch
    {
        0 => null,
        1 => new JsonArray(null, null),
        2 => JsonValue.Create(long.MinValue),
        3 => new JsonObject { ["x"] = null },
        4 => JsonValue.Create("text där siffror väntas"),
        5 => JsonValue.Create(1e308),
        _ => JsonValue.Create(true),
    };

    private JsonObject Resolve(JsonObject schema)
    {
        for (var i = 0; i < 10 && schema["$ref"]?.GetValue<string>() is { } reference; i++)
            schema = openApi["components"]?["schemas"]?[reference.Split('/').Last()] as JsonObject ?? new JsonObject();
        return schema;
    }

    private static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "string",
        _ => schema["properties"] is not null ? "object" : "string",
    };

    private bool Pick(double p) => _random.NextDouble() < p;

    private T Choose<T>(params T[] options) => options[_random.Next(options.Length)];

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Short(string s) => s.Length > 160 ? s[..160] + "…" : s;

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex PathParameter();
}
