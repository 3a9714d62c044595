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
    <message>
        <source>항목</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>산출근거 항목 이름</source>
        <translation>Name of the calculation basis item</translation>
    </message>
    <message>
        <source>산출근거식</source>
        <translation>Formula</translation>
    </message>
    <message>
        <source>원 단위 산출근거식, 예: 40,000원*19명*12월</source>
        <translation>Calculation formula in won, e.g. 40,000원*19명*12월</translation>
    </message>
    <message>
        <source>금액(원)</source>
        <translation>Amount (KRW)</translation>
    </message>
    <message>
        <source>산출근거식 계산 결과(원)</source>
        <translation>Result of the formula (KRW)</translation>
    </message>
    <message>
        <source>금액(천원)</source>
        <translation>Amount (KRW thousand)</translation>
    </message>
    <message>
        <source>예산액(천원, 원 단위 올림)</source>
        <translation>Budget amount (KRW thousand, rounded up)</translation>
    </message>
    <message>
        <source>오류 및 안내</source>
        <translation>Errors and notes</translation>
    </message>
    <message>
        <source>산출근거식 오류 또는 가져온 식 안내</source>
        <translation>Formula errors, or a note on an imported formula</translation>
    </message>
    <message>
        <source>가져온 식을 그대로 둠: {flag}</source>
        <translation>Imported formula kept as it is: {flag}</translation>
    </message>
    <message>
        <source>{formula}, 오류</source>
        <translation>{formula}, error</translation>
    </message>
    <message>
        <source>경정액</source>
        <translation>Revised amount</translation>
    </message>
    <message>
        <source>경정액, 천원</source>
        <translation>Revised amount, KRW thousand</translation>
    </message>
    <message>
        <source>추가경정 후 금액(천원)</source>
        <translation>Amount after the supplementary budget (KRW thousand)</translation>
    </message>
    <message>
        <source>세입 목</source>
        <translation>Revenue item</translation>
    </message>
    <message>
        <source>세입 목 코드와 이름</source>
        <translation>Revenue item code and name</translation>
    </message>
    <message>
        <source>세부사업</source>
        <translation>Detailed program</translation>
    </message>
    <message>
        <source>세부사업 이름</source>
        <translation>Name of the detailed program</translation>
    </message>
    <message>
        <source>회계</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>회계 코드와 이름</source>
        <translation>Account code and name</translation>
    </message>
    <message>
        <source>통계목</source>
        <translation>Expenditure item</translation>
    </message>
    <message>
        <source>통계목 코드와 이름</source>
        <translation>Expenditure item code and name</translation>
    </message>
    <message>
        <source>재원</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>재원 구성</source>
        <translation>Funding sources</translation>
    </message>
    <message>
        <source>재원별 금액(천원)</source>
        <translation>Amount per funding source (KRW thousand)</translation>
    </message>
    <message>
        <source>기정액</source>
        <translation>Previous amount</translation>
    </message>
    <message>
        <source>기정액, 천원</source>
        <translation>Previous amount, KRW thousand</translation>
    </message>
    <message>
        <source>기정액 또는 전년도 예산액(천원)</source>
        <translation>Previous amount, or last year's budget (KRW thousand)</translation>
    </message>
    <message>
        <source>요구액</source>
        <translation>Requested amount</translation>
    </message>
    <message>
        <source>요구액, 천원</source>
        <translation>Requested amount, KRW thousand</translation>
    </message>
    <message>
        <source>부서가 요구한 금액(천원)</source>
        <translation>Amount requested by the department (KRW thousand)</translation>
    </message>
    <message>
        <source>증감</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>증감, 천원</source>
        <translation>Change, KRW thousand</translation>
    </message>
    <message>
        <source>기정액 대비 증감(천원)</source>
        <translation>Change from the previous amount (KRW thousand)</translation>
    </message>
    <message>
        <source>조정액</source>
        <translation>Adjusted amount</translation>
    </message>
    <message>
        <source>조정액, 천원</source>
        <translation>Adjusted amount, KRW thousand</translation>
    </message>
    <message>
        <source>예산부서가 조정한 금액(천원)</source>
        <translation>Amount adjusted by the budget office (KRW thousand)</translation>
    </message>
    <message>
        <source>의결액</source>
        <translation>Adopted amount</translation>
    </message>
    <message>
        <source>의결액, 천원</source>
        <translation>Adopted amount, KRW thousand</translation>
    </message>
    <message>
        <source>의회가 의결한 금액(천원)</source>
        <translation>Amount adopted by the council (KRW thousand)</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>작성중, 요구, 조정</source>
        <translation>Draft, requested, adjusted</translation>
    </message>
    <message>
        <source>작성중</source>
        <comment>request state</comment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>요구</source>
        <comment>request state</comment>
        <translation>Requested</translation>
    </message>
    <message>
        <source>조정</source>
        <comment>request state</comment>
        <translation>Adjusted</translation>
    </message>
    <message>
        <source>들여쓰기</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>내어쓰기</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>위로 이동</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>아래로 이동</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>하위 줄 추가</source>
        <translation>Add sub-item</translation>
    </message>
    <message>
        <source>산출근거 수정</source>
        <translation>Edit calculation basis</translation>
    </message>
    <message>
        <source>산출근거 줄 삭제</source>
        <translation>Delete calculation basis item</translation>
    </message>
    <message>
        <source>산출근거 줄 추가</source>
        <translation>Add calculation basis item</translation>
    </message>
    <message>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>정책사업</source>
        <translation>Policy program</translation>
    </message>
    <message>
        <source>단위사업</source>
        <translation>Unit program</translation>
    </message>
    <message>
        <source>사업</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>정책사업, 단위사업, 세부사업</source>
        <translation>Policy, unit and detailed programs</translation>
    </message>
    <message>
        <source>{level}, 코드 {code}</source>
        <translation>{level}, code {code}</translation>
    </message>
    <message>
        <source>없음</source>
        <comment>empty amount cell, spoken</comment>
        <translation>none</translation>
    </message>
    <message>
        <source>마이너스 {amount}</source>
        <translation>minus {amount}</translation>
    </message>
</context>
</TS>
