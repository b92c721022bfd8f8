using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assessment.Certificates.Credentials;
using NodaTime;

namespace Assessment.UnitTests.Certificates;

public class CredentialTests
{
    private static readonly Instant IssuedAt = Instant.FromUtc(2021, 6, 1, 2, 0);
    private const string IssuerUrl = "https://zs.example.gov.cn/issuers/S000034010001";
    private const string StatusListUrl = "https://zs.example.gov.cn/status/S000034010001/1";

    private static CertificateClaims Claims(string? workType = null) => new("S00003401000121300001", "欧阳晓明", "育婴员", workType, 4, "四级/中级工",
        new LocalDate(2021, 6, 1), "安徽某职业技能培训学校", "S000034010001", Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), 94567);

    private static readonly Lazy<SigningKey> SharedKey = new(SigningKey.Generate);
    private static SigningKey Key => SharedKey.Value;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Segment(string token, int i) => token.Split('.')[i];
    private static JsonObject Decode(string segment) => JsonNode.Parse(Base64Url.DecodeFromChars(segment))!.AsObject();
    private static string B64(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task CRT_04_a_vc_jwt_verifies_with_the_issuers_public_key_and_its_payload_is_the_vc_2_0_json()
    {
        var token = CredentialIssuer.IssueVcJwt(Claims(), Key, IssuerUrl, StatusListUrl);

        var header = Decode(Segment(token, 0));
        header.ToJsonString(Relaxed).ShouldBe($$"""{"alg":"ES256","kid":"{{Key.Kid}}","typ":"vc+jwt","cty":"vc"}""");
        Base64Url.DecodeFromChars(Segment(token, 2)).Length.ShouldBe(64); // IEEE P1363 r||s
        token.ShouldNotContain("=");

        var result = await CredentialIssuer.VerifyAsync(token, [Key.PublicKey]);
        result.IsValid.ShouldBeTrue(result.ToString());
        var vc = result.Payload;
        vc["@context"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["https://www.w3.org/ns/credentials/v2"]);
        vc["type"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["VerifiableCredential", "VocationalSkillCertificate"]);
        vc["id"]!.GetValue<string>().ShouldBe("urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        vc["issuer"]!["id"]!.GetValue<string>().ShouldBe(IssuerUrl);
        vc["issuer"]!["name"]!.GetValue<string>().ShouldBe("安徽某职业技能培训学校");
        vc["issuer"]!["filingNumber"]!.GetValue<string>().ShouldBe("S000034010001");
        vc["validFrom"]!.GetValue<string>().ShouldBe("2021-05-31T16:00:00Z"); // the start of the issue date, 2021-06-01, in China time
        var subject = vc["credentialSubject"]!;
        subject["name"]!.GetValue<string>().ShouldBe("欧阳晓明");
        subject["certificateNumber"]!.GetValue<string>().ShouldBe("S00003401000121300001");
        subject["occupation"]!.GetValue<string>().ShouldBe("育婴员");
        subject["workType"]!.GetValue<string>().ShouldBe("——");
        subject["level"]!.GetValue<int>().ShouldBe(4);
        subject["levelName"]!.GetValue<string>().ShouldBe("四级/中级工");
        subject["issuedOn"]!.GetValue<string>().ShouldBe("2021-06-01");
        var status = vc["credentialStatus"]!;
        status["id"]!.GetValue<string>().ShouldBe(StatusListUrl + "#94567");
        status["type"]!.GetValue<string>().ShouldBe("BitstringStatusListEntry");
        status["statusPurpose"]!.GetValue<string>().ShouldBe("revocation");
        status["statusListIndex"]!.GetValue<string>().ShouldBe("94567");
        status["statusListCredential"]!.GetValue<string>().ShouldBe(StatusListUrl);
    }

    [Fact]
    public async Task CRT_04_a_work_type_is_carried_when_the_certificate_has_one()
    {
        var token = CredentialIssuer.IssueVcJwt(Claims("维修电工"), Key, IssuerUrl, StatusListUrl);
        (await CredentialIssuer.VerifyAsync(token, [Key.PublicKey])).Payload!["credentialSubject"]!["workType"]!.GetValue<string>().ShouldBe("维修电工");
    }

    [Fact]
    public async Task CRT_04_changing_any_one_character_of_the_payload_breaks_the_signature()
    {
        var token = CredentialIssuer.IssueVcJwt(Claims(), Key, IssuerUrl, StatusListUrl);
        var parts = token.Split('.');
        for (var i = 0; i < parts[1].Length; i += 7)
        {
            var chars = parts[1].ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var result = await CredentialIssuer.VerifyAsync($"{parts[0]}.{new string(chars)}.{parts[2]}", [Key.PublicKey]);
            result.IsValid.ShouldBeFalse();
            result.Failure.ShouldBeOneOf(VerificationFailure.BadSignature, VerificationFailure.BadFormat);
        }
        // a well-formed payload with a changed name is a signature failure
        var forged = Decode(parts[1]);
        forged["credentialSubject"]!["name"] = "欧阳晓朋";
        (await CredentialIssuer.VerifyAsync($"{parts[0]}.{B64(forged.ToJsonString())}.{parts[2]}", [Key.PublicKey])).Failure
            .ShouldBe(VerificationFailure.BadSignature);
    }

    [Fact]
    public async Task CRT_04_a_token_signed_by_another_key_fails()
    {
        using var other = SigningKey.Generate();
        var token = CredentialIssuer.IssueVcJwt(Claims(), other, IssuerUrl, StatusListUrl);
        (await CredentialIssuer.VerifyAsync(token, [Key.PublicKey])).Failure.ShouldBe(VerificationFailure.UnknownKey);

        // the other key's signature under our kid
        var parts = token.Split('.');
        var header = B64($$"""{"alg":"ES256","typ":"vc+jwt","cty":"vc","kid":"{{Key.Kid}}"}""");
        var resigned = CredentialIssuer.IssueQrPayload(Claims(), other).Split('.');
        (await CredentialIssuer.VerifyAsync($"{header}.{parts[1]}.{parts[2]}", [Key.PublicKey])).Failure.ShouldBe(VerificationFailure.BadSignature);
        (await CredentialIssuer.VerifyAsync($"{header}.{parts[1]}.{resigned[2]}", [Key.PublicKey])).Failure
            .ShouldBe(VerificationFailure.BadSignature);

        // a key set with both keys picks by kid
        (await CredentialIssuer.VerifyAsync(token, [Key.PublicKey, other.PublicKey])).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"alg":"none","kid":"KID"}""")]
    [InlineData("""{"alg":"None","kid":"KID"}""")]
    [InlineData("""{"alg":"HS256","kid":"KID"}""")]
    [InlineData("""{"alg":"ES384","kid":"KID"}""")]
    [InlineData("""{"alg":"es256","kid":"KID"}""")]
    [InlineData("""{"kid":"KID"}""")]
    [InlineData("""{"alg":["ES256"],"kid":"KID"}""")]
    [InlineData("""{"alg":"ES256","kid":"KID","crit":["b64"],"b64":false}""")]
    public async Task CRT_04_an_algorithm_other_than_es256_is_refused(string headerJson)
    {
        var token = CredentialIssuer.IssueVcJwt(Claims(), Key, IssuerUrl, StatusListUrl).Split('.');
        var header = B64(headerJson.Replace("KID", Key.Kid));
        (await CredentialIssuer.VerifyAsync($"{header}.{token[1]}.", [Key.PublicKey])).IsValid.ShouldBeFalse();
        (await CredentialIssuer.VerifyAsync($"{header}.{token[1]}.{token[2]}", [Key.PublicKey])).Failure
            .ShouldBe(VerificationFailure.UnsupportedAlgorithm);
    }

    [Fact]
    public async Task CRT_04_an_unsecured_jwt_with_alg_none_is_refused()
    {
        var payload = CredentialIssuer.IssueVcJwt(Claims(), Key, IssuerUrl, StatusListUrl).Split('.')[1];
        var none = B64("""{"alg":"none"}""");
        (await CredentialIssuer.VerifyAsync($"{none}.{payload}.", [Key.PublicKey])).Failure.ShouldBe(VerificationFailure.UnsupportedAlgorithm);
        (await CredentialIssuer.VerifyAsync($"{B64($$"""{"alg":"none","kid":"{{Key.Kid}}"}""")}.{payload}.AA", [Key.PublicKey])).Failure
            .ShouldBe(VerificationFailure.UnsupportedAlgorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9")]
    [InlineData("e30.e30.e30")]
    [InlineData("W10.e30.AA")]
    [InlineData("bnVsbA.e30.AA")]
    [InlineData("ImEi.ImEi.AA")]
    [InlineData("e30=.e30.AA")]
    [InlineData("e3 0.e30.AA")]
    [InlineData("e3+0.e30.AA")]
    [InlineData("e31.e30.AA")]
    [InlineData("////.////.////")]
    [InlineData("\u0000.\u0000.\u0000")]
    [InlineData("中文.中文.中文")]
    public async Task CRT_04_garbage_is_refused_without_throwing(string token)
    {
        var result = await CredentialIssuer.VerifyAsync(token, [Key.PublicKey]); // a throw fails the test
        result.IsValid.ShouldBeFalse();
        result.Payload.ShouldBeNull();
        result.Failure.ShouldNotBeNull();
    }

    [Fact]
    public async Task CRT_04_fuzzed_tokens_never_throw_and_never_verify()
    {
        var token = CredentialIssuer.IssueVcJwt(Claims("维修电工"), Key, IssuerUrl, StatusListUrl);
        var random = new Random(20210601);
        var candidates = new List<string> { null!, token + ".", "." + token, token + "A", token.Replace('.', '_'), token.ToUpperInvariant() };
        for (var length = 0; length < token.Length; length++) candidates.Add(token[..length]); // every truncation
        for (var i = 0; i < token.Length; i++) // every single-character change
        {
            var chars = token.ToCharArray();
            chars[i] = chars[i] == '.' ? '-' : (char)(chars[i] ^ 1);
            candidates.Add(new string(chars));
        }
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u0000\u00e9中";
        for (var i = 0; i < 2000; i++)
            candidates.Add(new string(Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        for (var i = 0; i < 500; i++) // well-formed base64url segments of random bytes
            candidates.Add(string.Join('.', Enumerable.Range(0, 3).Select(_ => Base64Url.EncodeToString(RandomBytes(random, random.Next(0, 120))))));
        // JSON edge cases in the header
        candidates.AddRange(new[]
        {
            """{"alg":"ES256","kid":"\ud800"}""", """{"alg":"ES256","alg":"none","kid":"x"}""", """{"alg":"ES256","kid":1}""",
            """{"alg":"ES256","kid":null}""", """{"alg":null}""", new string('[', 5000) + new string(']', 5000), "{\"alg\":\"ES256\"", "\"\\uZZZZ\"", """{"\udc00":1,"alg":"ES256"}""", """{"alg":"ES256","x":["\ud800"]}""",
            """{"alg":"ES256","kid":"KID","kid":"KID"}""".Replace("KID", Key.Kid),
        }.Select(h => $"{B64(h)}.{token.Split('.')[1]}.{token.Split('.')[2]}"));

        foreach (var candidate in candidates)
        {
            var result = await CredentialIssuer.VerifyAsync(candidate, [Key.PublicKey]); // a throw fails the test
            result.IsValid.ShouldBeFalse($"accepted {candidate}");
        }
        (await CredentialIssuer.VerifyAsync(token, null!)).Failure.ShouldBe(VerificationFailure.UnknownKey);
        (await CredentialIssuer.VerifyAsync(token, [])).Failure.ShouldBe(VerificationFailure.UnknownKey);
        (await CredentialIssuer.VerifyAsync(token, [Key.PublicKey])).IsValid.ShouldBeTrue();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void CRT_04_the_kid_is_the_rfc_7638_thumbprint_of_the_ec_key()
    {
        // the P-256 key of RFC 7517 appendix A.1; its thumbprint computed independently over
        // {"crv":"P-256","kty":"EC","x":"MKBC…","y":"4Etl…"} with SHA-256
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Base64Url.DecodeFromChars("870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE"),
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars("MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4"),
                Y = Base64Url.DecodeFromChars("4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"),
            },
        });
        using var key = SigningKey.FromPkcs8(ecdsa.ExportPkcs8PrivateKey());
        key.Kid.ShouldBe("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s");

        var jwk = key.PublicJwk();
        jwk.ToJsonString(Relaxed).ShouldBe("""{"kty":"EC","crv":"P-256","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM","kid":"cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s","alg":"ES256","use":"sig"}""");
        VerificationKey.FromJwk(jwk).Kid.ShouldBe(key.Kid);
    }

    [Fact]
    public async Task CRT_04_a_key_survives_a_pkcs8_round_trip_with_the_same_kid_and_signatures()
    {
        using var key = SigningKey.Generate();
        key.Kid.Length.ShouldBe(43);
        using var again = SigningKey.FromPkcs8(key.ExportPkcs8());
        again.Kid.ShouldBe(key.Kid);
        key.PublicKey.Kid.ShouldBe(key.Kid);
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{key.PublicKey.X}}","y":"{{key.PublicKey.Y}}"}""";
        key.Kid.ShouldBe(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));

        var token = CredentialIssuer.IssueQrPayload(Claims(), again);
        (await CredentialIssuer.VerifyAsync(token, [VerificationKey.FromJwk(key.PublicJwk())])).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void CRT_04_keys_other_than_p256_and_tampered_jwks_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Should.Throw<ArgumentException>(() => SigningKey.FromPkcs8(p384.ExportPkcs8PrivateKey()));
        using var rsa = RSA.Create(2048);
        Should.Throw<ArgumentException>(() => SigningKey.FromPkcs8(rsa.ExportPkcs8PrivateKey()));
        Should.Throw<ArgumentException>(() => SigningKey.FromPkcs8([1, 2, 3]));

        var jwk = Key.PublicJwk();
        var wrongKid = jwk.DeepClone().AsObject();
        wrongKid["kid"] = "not-the-thumbprint";
        Should.Throw<ArgumentException>(() => VerificationKey.FromJwk(wrongKid));
        var offCurve = jwk.DeepClone().AsObject();
        offCurve.Remove("kid");
        offCurve["y"] = offCurve["x"]!.GetValue<string>();
        Should.Throw<ArgumentException>(() => VerificationKey.FromJwk(offCurve));
        var rsaJwk = new JsonObject { ["kty"] = "RSA", ["n"] = "AQAB", ["e"] = "AQAB" };
        Should.Throw<ArgumentException>(() => VerificationKey.FromJwk(rsaJwk));
    }

    [Fact]
    public async Task CRT_04_the_qr_payload_is_a_short_signed_token_with_short_keys()
    {
        var token = CredentialIssuer.IssueQrPayload(Claims(), Key);
        Decode(Segment(token, 0)).ToJsonString(Relaxed).ShouldBe($$"""{"alg":"ES256","kid":"{{Key.Kid}}","typ":"JWT"}"""); // the library's typ
        var result = await CredentialIssuer.VerifyAsync(token, [Key.PublicKey]);
        result.IsValid.ShouldBeTrue();
        result.Payload.ToJsonString(Relaxed)
            .ShouldBe("""{"n":"S00003401000121300001","h":"欧阳晓明","o":"育婴员","l":4,"d":"2021-06-01","i":"S000034010001","s":94567}""");

        // fits a QR code together with a verification URL: 106 header + 156 payload + 86 signature characters and 2 dots
        token.Length.ShouldBe(350);
        var longest = CredentialIssuer.IssueQrPayload(Claims("工业机器人系统运维员") with { HolderName = "阿卜杜热合曼·艾合买提", Occupation = "工业机器人系统运维员" }, Key);
        (await CredentialIssuer.VerifyAsync(longest, [Key.PublicKey])).Payload!["w"]!.GetValue<string>().ShouldBe("工业机器人系统运维员");
        ("https://zs.example.gov.cn/v#" + longest).Length.ShouldBeLessThan(600);
    }

    [Fact]
    public async Task CRT_04_a_reprint_signs_its_print_number_and_a_first_print_leaves_it_out()
    {
        (await CredentialIssuer.VerifyAsync(CredentialIssuer.IssueQrPayload(Claims(), Key), [Key.PublicKey])).Payload!["p"].ShouldBeNull();
        var reprint = await CredentialIssuer.VerifyAsync(CredentialIssuer.IssueQrPayload(Claims() with { PrintNumber = 2 }, Key), [Key.PublicKey]);
        reprint.IsValid.ShouldBeTrue();
        reprint.Payload!["p"]!.GetValue<int>().ShouldBe(2);
        var credential = CredentialIssuer.Credential(Claims() with { PrintNumber = 3 }, "https://zs.example.gov.cn", "https://zs.example.gov.cn/s/0");
        credential["credentialSubject"]!["printNumber"]!.GetValue<int>().ShouldBe(3);
        CredentialIssuer.Credential(Claims(), "https://zs.example.gov.cn", "https://zs.example.gov.cn/s/0")
            ["credentialSubject"]!["printNumber"].ShouldBeNull();
    }

    [Fact]
    public void CRT_04_a_vc_jwt_verifies_independently_with_plain_ecdsa_over_the_signing_input_and_the_published_jwk()
    {
        var token = CredentialIssuer.IssueVcJwt(Claims("维修电工"), Key, IssuerUrl, StatusListUrl);
        // a verifier that shares nothing with the signer but the JWKS text: .NET's ECDsa, RFC 7515 §5.2 by hand
        var jwk = JsonNode.Parse(new JsonObject { ["keys"] = new JsonArray(Key.PublicJwk()) }.ToJsonString())!["keys"]![0]!;
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars(jwk["x"]!.GetValue<string>()), Y = Base64Url.DecodeFromChars(jwk["y"]!.GetValue<string>()),
            },
        });
        var dot = token.LastIndexOf('.');
        var signingInput = Encoding.ASCII.GetBytes(token[..dot]);
        var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();
        Decode(Segment(token, 0))["kid"]!.GetValue<string>().ShouldBe(jwk["kid"]!.GetValue<string>());
        signature[0] ^= 1;
        ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeFalse();
    }

    [Fact]
    public void CRT_04_the_payload_is_the_vc_json_byte_for_byte_with_no_jwt_times_added()
    {
        var claims = Claims();
        var token = CredentialIssuer.IssueVcJwt(claims, Key, IssuerUrl, StatusListUrl);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Segment(token, 1)));
        payload.ShouldBe(CredentialIssuer.Credential(claims, IssuerUrl, StatusListUrl).ToJsonString(Relaxed));
        payload.ShouldContain("欧阳晓明"); // UTF-8, not \u escapes
        var members = JsonNode.Parse(payload)!.AsObject().Select(m => m.Key).ToList();
        members.ShouldNotContain("iat");
        members.ShouldNotContain("nbf");
        members.ShouldNotContain("exp");
        // a second signing of the same print differs only in the signature (ES256 is randomized): callers sign once and keep it
        var again = CredentialIssuer.IssueVcJwt(claims, Key, IssuerUrl, StatusListUrl);
        again[..again.LastIndexOf('.')].ShouldBe(token[..token.LastIndexOf('.')]);
    }

    [Fact]
    public void CRT_04_the_status_list_sets_exactly_the_revoked_bits_left_most_first()
    {
        var encoded = BitstringStatusList.Encode([0, 7, 8, 131071]);
        encoded.ShouldStartWith("u");
        encoded.ShouldNotContain("=");
        encoded.Length.ShouldBeLessThan(400); // mostly zeros compress well

        var bits = BitstringStatusList.Decode(encoded);
        bits.Length.ShouldBe(16384);
        bits[0].ShouldBe((byte)0b1000_0001);
        bits[1].ShouldBe((byte)0b1000_0000);
        bits[16383].ShouldBe((byte)0b0000_0001);

        foreach (var set in new[] { 0, 7, 8, 131071 }) BitstringStatusList.IsSet(encoded, set).ShouldBeTrue($"{set}");
        foreach (var clear in new[] { 1, 6, 9, 15, 16, 131070, 65536 }) BitstringStatusList.IsSet(encoded, clear).ShouldBeFalse($"{clear}");
        Should.Throw<ArgumentOutOfRangeException>(() => BitstringStatusList.IsSet(encoded, 131072));
        Should.Throw<ArgumentOutOfRangeException>(() => BitstringStatusList.IsSet(encoded, -1));
    }

    [Fact]
    public void CRT_04_the_status_list_is_gzip_and_multibase_base64url()
    {
        var encoded = BitstringStatusList.Encode([3]);
        var gzip = Base64Url.DecodeFromChars(encoded.AsSpan(1));
        gzip[0].ShouldBe((byte)0x1f);
        gzip[1].ShouldBe((byte)0x8b);
        BitstringStatusList.Encode([]).ShouldBe(BitstringStatusList.Encode([])); // deterministic
        BitstringStatusList.Decode(BitstringStatusList.Encode([], 131072 * 2)).Length.ShouldBe(32768);
        BitstringStatusList.IsSet(BitstringStatusList.Encode([200_000], 262_144), 200_000).ShouldBeTrue();
    }

    [Fact]
    public void CRT_04_a_status_list_shorter_than_131072_entries_or_an_index_outside_it_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => BitstringStatusList.Encode([], 131_064));
        Should.Throw<ArgumentOutOfRangeException>(() => BitstringStatusList.Encode([], 131_073));
        Should.Throw<ArgumentOutOfRangeException>(() => BitstringStatusList.Encode([131_072]));
        Should.Throw<ArgumentOutOfRangeException>(() => BitstringStatusList.Encode([-1]));
        Should.Throw<FormatException>(() => BitstringStatusList.Decode("zABC"));
        Should.Throw<FormatException>(() => BitstringStatusList.Decode("u"));
        Should.Throw<FormatException>(() => BitstringStatusList.Decode("uAAAA"));
        Should.Throw<FormatException>(() => BitstringStatusList.Decode("u" + Base64Url.EncodeToString("not gzip"u8)));
    }

    [Fact]
    public async Task CRT_04_the_status_list_credential_is_a_signed_bitstring_status_list_credential()
    {
        var encoded = BitstringStatusList.Encode([94567]);
        var credential = BitstringStatusList.StatusListCredential(encoded, StatusListUrl, IssuerUrl, IssuedAt);
        credential["type"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["VerifiableCredential", "BitstringStatusListCredential"]);
        credential["@context"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["https://www.w3.org/ns/credentials/v2"]);
        credential["id"]!.GetValue<string>().ShouldBe(StatusListUrl);
        credential["issuer"]!.GetValue<string>().ShouldBe(IssuerUrl);
        credential["validFrom"]!.GetValue<string>().ShouldBe("2021-06-01T02:00:00Z");
        var subject = credential["credentialSubject"]!;
        subject["id"]!.GetValue<string>().ShouldBe(StatusListUrl + "#list");
        subject["type"]!.GetValue<string>().ShouldBe("BitstringStatusList");
        subject["statusPurpose"]!.GetValue<string>().ShouldBe("revocation");
        subject["encodedList"]!.GetValue<string>().ShouldBe(encoded);

        var token = BitstringStatusList.IssueVcJwt(credential, Key);
        var result = await CredentialIssuer.VerifyAsync(token, [Key.PublicKey]);
        result.IsValid.ShouldBeTrue();
        result.Header["typ"]!.GetValue<string>().ShouldBe("vc+jwt");
        result.Header["cty"]!.GetValue<string>().ShouldBe("vc");

        // a verifier follows a certificate's status entry to its bit
        var certificate = await CredentialIssuer.VerifyAsync(CredentialIssuer.IssueVcJwt(Claims(), Key, IssuerUrl, StatusListUrl), [Key.PublicKey]);
        var index = int.Parse(certificate.Payload!["credentialStatus"]!["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        BitstringStatusList.IsSet(result.Payload["credentialSubject"]!["encodedList"]!.GetValue<string>(), index).ShouldBeTrue();
    }
}
