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
                License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") },
            });
            c.AddServer(new OpenApiServer { Url = "/", Description = "本平台（与页面同源）" });
            c.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "yyyy-MM-dd" });
            c.MapType<LocalDate?>(() =>
                new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date", Description = "yyyy-MM-dd" });
            c.MapType<Instant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "ISO 8601 UTC instant" });
            c.MapType<Instant?>(() =>
                new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time", Description = "ISO 8601 UTC instant" });
            c.MapType<LocalDateTime>(() =>
                new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "local date-time without offset" });
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
            c.OperationFilter<MediaTypesOperationFilter>();
            c.SchemaFilter<RequiredMembersSchemaFilter>();
            c.SupportNonNullableReferenceTypes();
            c.CustomSchemaIds(SchemaId);
            c.TagActionsBy(api => [Tag(api.ActionDescriptor.EndpointMetadata)]);
            c.DocumentFilter<RemoveResultPlaceholderFilter>();
            c.DocumentFilter<TagDescriptionsFilter>();
        });
        return services;
    }

    /// <summary>
    /// Readable schema names that survive moving code between folders: the module and the type (Filing.ApplicationView,
    /// Notices.PublicNotice, Api.AccountView, SharedKernel.Term), generics spelled out (PagedOfFiling.ApplicationSummary).
    /// A type name is unique within its module (an architecture test holds to it).
    /// </summary>
    public static string SchemaId(Type t)
    {
        if (t.IsGenericType)
        {
            var name = t.Name[..t.Name.IndexOf('`')];
            return name + "Of" + string.Join("And", t.GetGenericArguments().Select(SchemaId));
        }
        var full = (t.FullName ?? t.Name).Replace("+", ".");
        if (full.StartsWith("Assessment.", StringComparison.Ordinal))
        {
            var module = full["Assessment.".Length..].Split('.')[0];
            return module + "." + t.Name;
        }
        foreach (var prefix in new[] { "Microsoft.AspNetCore.Mvc.", "System." })
        {
            if (full.StartsWith(prefix, StringComparison.Ordinal)) return full[prefix.Length..];
        }
        return full;
    }

    /// <summary>Operations are grouped by module, in Chinese, as the SPA and integrators think of them.</summary>
    private static string Tag(IList<object> metadata)
    {
        var ns = metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()?.DeclaringType?.Namespace
                 ?? metadata.OfType<Wolverine.Http.HttpChain>().FirstOrDefault()?.Method.HandlerType.Namespace ?? "";
        return ns switch
        {
            _ when ns.Contains(".Identity") => "身份与访问 Identity",
            _ when ns.Contains(".Calendar") => "工作日历 Calendar",
            _ when ns.Contains(".Policies") => "辖区政策 Policies",
            _ when ns.StartsWith("Assessment.Filing") => "备案 Filing",
            _ when ns.StartsWith("Assessment.Batches") => "认定批次 Batches",
            _ when ns.StartsWith("Assessment.Notices") => "公示公告 Notices",
            _ when ns.StartsWith("Assessment.Certificates") => "证书 Certificates",
            _ when ns.StartsWith("Assessment.Supervision") => "监管 Supervision",
            _ => "平台 Platform",
        };
    }
}
