using Assessment.Api.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using NodaTime;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Assessment.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "职业技能等级认定平台 API",
                Version = "v1",
                Description = "评价机构备案、认定批次、证书、公示与监管。错误统一以 RFC 9457 ProblemDetails 返回；业务规则错误（422）在 rules 中列出规则编号。",
            });
            c.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "yyyy-MM-dd" });
            c.MapType<LocalDate?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date", Description = "yyyy-MM-dd" });
            c.MapType<Instant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "ISO 8601 UTC instant" });
            c.MapType<Instant?>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time", Description = "ISO 8601 UTC instant" });
            c.MapType<LocalDateTime>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "local date-time without offset" });
            c.MapType<Duration>(() => new OpenApiSchema { Type = JsonSchemaType.String, Description = "NodaTime duration, e.g. 1:00:00:00" });
            c.AddSecurityDefinition("cookie", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "assessment.auth",
                Description = "SPA 会话：POST /api/auth/sign-in 后由浏览器携带的 HttpOnly、SameSite=Strict Cookie。",
            });
            c.AddSecurityDefinition("apiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.Header,
                Description = "第三方系统：管理员签发的 API 密钥，形如 ak_{clientId}_{secret}。",
            });
            c.OperationFilter<ProblemResponsesOperationFilter>();
            c.SupportNonNullableReferenceTypes();
            c.CustomSchemaIds(t => t.FullName!.Replace("Assessment.", "").Replace("+", ".").Replace('`', '_'));
        });
        return services;
    }
}

/// <summary>Documents auth requirements and the ProblemDetails answers every operation can give.</summary>
public sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var secured = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= new OpenApiResponses();

        void Add(string status, string description)
        {
            if (operation.Responses.TryGetValue(status, out var existing))
            {
                if (existing is OpenApiResponse r && string.IsNullOrEmpty(r.Description)) r.Description = description;
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

        if (secured)
        {
            Add("401", "未登录或 API 密钥无效");
            Add("403", "角色或权限范围不允许");
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", context.Document)] = [] });
        }
        var method = context.ApiDescription.HttpMethod ?? "GET";
        if (method is "POST" or "PUT" or "PATCH")
        {
            Add("400", "请求格式或字段校验失败");
            Add("413", "请求体过大");
            Add("415", "请求体不是 JSON");
        }
        foreach (var status in new[] { "404", "409", "422" })
        {
            if (operation.Responses.ContainsKey(status))
                Add(status, status switch { "404" => "不存在或无权查看", "409" => "版本冲突或重复", _ => "业务规则校验未通过（rules 列出规则编号）" });
        }
        Add("500", "服务器内部错误");
    }
}
