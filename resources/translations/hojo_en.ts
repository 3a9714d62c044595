<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
<context>
    <name></name>
    <message>
        <location filename="../../app/config.py" line="+125"/>
        <source>서버 주소. 어디에도 없으면 데모 서버를 띄웁니다.</source>
        <translation>Server address. If none is configured anywhere, a demo server is started.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>운영체제 인증서와 함께 신뢰할 인증서 파일(PEM) 경로.</source>
        <translation>Path of a certificate file (PEM) to trust in addition to the operating system's certificates.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>프록시 서버 주소. 비워 두면 시스템 설정을 따릅니다.</source>
        <translation>Proxy server address. Leave empty to follow the system settings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>화면 언어: ko(한국어) 또는 en(영어).</source>
        <translation>Display language: ko (Korean) or en (English).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>로그인 상태 유지 (갱신 토큰만 키링에 보관).</source>
        <translation>Stay signed in (only the refresh token is kept in the keyring).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>세션 종료 몇 분 전에 알릴지(분).</source>
        <translation>How many minutes before the session ends to warn (minutes).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>글자 크기 배율(%), 100에서 200까지.</source>
        <translation>Text size (%), from 100 to 200.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>고대비 화면을 사용합니다.</source>
        <translation>Use the high-contrast theme.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>서버 응답을 기다리는 시간(초).</source>
        <translation>How long to wait for the server (seconds).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>환경 변수</source>
        <translation>Environment variable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>정책</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>컴퓨터 전체 설정 ({location})</source>
        <translation>Computer-wide setting ({location})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>사용자 설정</source>
        <translation>User setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>기본값</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="+37"/>
        <source>{amount}원</source>
        <translation>KRW {amount}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{amount}천원</source>
        <translation>KRW {amount} thousand</translation>
    </message>
</context>
</TS>
