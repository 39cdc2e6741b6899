"""Korean (한국어). Terms used throughout: 인증 = authentication, 권한 = authorization, 리소스 = resource,
메서드 = method, 콘텐츠 = content, 리다이렉트 = redirect, 상태 코드 = status code."""
