using Assessment.Api.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using NodaTime;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Assessment.Api.Infrastructure;

/// <summary>Each group of operations says what it is for.</summary>
public sealed class TagDescriptionsFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["身份与访问 Identity"] = "登录、会话、账号与第三方系统密钥。",
        ["工作日历 Calendar"] = "国务院及地方节假日安排，工作日计算。",
        ["辖区政策 Policies"] = "各辖区的备案、认定与证书规则（规则编号见 rules）。",
        ["备案 Filing"] = "评价机构登记、备案申请、技术评估、公示、备案与目录。",
        ["认定批次 Batches"] = "认定计划、考评人员、考生、成绩、公示与结果报送。",
        ["公示公告 Notices"] = "公示公告、异议与处理。",
        ["证书 Certificates"] = "证书编号、发证、查询验证与注销。",
        ["监管 Supervision"] = "双随机一公开、投诉与信用记录。",
        ["平台 Platform"] = "代码名称表等平台通用信息。",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct();
        document.Tags = new HashSet<OpenApiTag>(
            used.Select(name => new OpenApiTag { Name = name, Description = Descriptions.GetValueOrDefault(name, name) }));
    }
}

/// <summary>Endpoints returning IResult declare their real bodies, so the IResult placeholder is dropped; paths are sorted.</summary>
public sealed class RemoveResultPlaceholderFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        const string placeholder = "Microsoft.AspNetCore.Http.IResult";
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var (status, answer) in operation.Responses?.ToList() ?? [])
            {
                if (answer is not OpenApiResponse { Content: { } content }) continue;
                var placeholders = content.Where(c => c.Value.Schema is OpenApiSchemaReference r && r.Reference.Id == placeholder).ToList();
                foreach (var entry in placeholders) content.Remove(entry.Key);
                // the placeholder stood for "some IResult": where the endpoint declares its real success answer, it is not a 200 of its own
                if (placeholders.Count > 0 && content.Count == 0
                    && operation.Responses!.Keys.Any(k => k != status && k.StartsWith('2')))
                    operation.Responses.Remove(status);
            }
        }
        document.Components?.Schemas?.Remove(placeholder);

        // A stable order keeps client/openapi.json diffs meaningful.
        var sorted = document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        document.Paths.Clear();
        foreach (var (path, item) in sorted) document.Paths.Add(path, item);
    }
}

/// <summary>Documents auth requirements and the ProblemDetails answers every operation can give.</summary>
public sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // Wolverine fills summary and description with the generated handler name; that says nothing to a reader.
        if (operation.Summary is { } summary && summary.Contains('_')) operation.Summary = null;
        if (operation.Description is { } description && description.Contains('_')) operation.Description = null;
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var secured = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= new OpenApiResponses();

        void Add(string status, string description)
        {
            if (operation.Responses.TryGetValue(status, out var existing))
            {
                // the framework's own descriptions are English reason phrases ("Bad Request"): readers get ours
                if (existing is OpenApiResponse r) r.Description = description;
                if (existing is OpenApiResponse resp)
                {
                    resp.Content ??= new Dictionary<string, OpenApiMediaType>();
                    resp.Content.Clear();
                    resp.Content["application/problem+json"] = new OpenApiMediaType { Schema = problem };
                }
                return;
            }
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
            };
        }

        // public operations say so explicitly (security: []), as generated clients and linters expect
        if (anonymous || !secured) operation.Security = [];
        if (secured)
        {
            Add("401", "未登录或 API 密钥无效");
            Add("403", "角色或权限范围不允许");
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
        }
        var method = context.ApiDescription.HttpMethod ?? "GET";
        var upload = metadata.OfType<Assessment.SharedKernel.AcceptsUploadAttribute>().FirstOrDefault();
        if (upload is not null)
        {
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(), Required = new HashSet<string> { "file" }
            };
            foreach (var field in upload.IntegerFields)
            {
                form.Properties[field] = new OpenApiSchema { Type = JsonSchemaType.Integer };
                form.Required.Add(field);
            }
            form.Properties["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"multipart/form-data，文件不超过{upload.MaxBytes / 1024 / 1024}MB",
                Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } },
            };
        }
        if (method is "POST" or "PUT" or "PATCH")
        {
            Add("400", "请求格式或字段校验失败");
            Add("413", "请求体过大");
            Add("415", upload is null ? "请求体不是 JSON" : "请求体不是 multipart/form-data");
        }
        foreach (var status in new[] { "400", "404", "409", "422" })
        {
            if (operation.Responses.ContainsKey(status))
                Add(status, status switch
                {
                    "400" => "请求格式或字段校验失败", "404" => "不存在或无权查看", "409" => "版本冲突或重复", _ => "业务规则校验未通过（rules 列出规则编号）",
                });
        }
        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any() || operation.Responses.ContainsKey("429"))
            Add("429", "请求过于频繁（Retry-After 给出等待秒数）");
        Add("500", "服务器内部错误");
    }
}

/// <summary>
/// Marks every property that can never be null as required, so generated clients (client/src/api/schema.d.ts) see
/// exactly which fields are always present.
/// </summary>
public sealed class RequiredMembersSchemaFilter : ISchemaFilter
{
    private static readonly System.Reflection.NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null || context.Type.IsEnum) return;
        foreach (var property in context.Type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.ContainsKey(name)) continue;
            var nullable = property.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(property.PropertyType) is not null
                : Nullability.Create(property).ReadState != System.Reflection.NullabilityState.NotNull;
            if (nullable) continue;
            concrete.Required ??= new HashSet<string>();
            concrete.Required.Add(name);
        }
    }
}
